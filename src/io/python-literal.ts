/**
 * A value of a Python literal, as ast.literal_eval returns it, tagged with its Python type
 * (a tuple is not a list, 1 is not 1.0, True is not 1).
 */
export type PyValue =
  | { type: 'str'; value: string }
  | { type: 'bytes'; value: string }
  | { type: 'int'; value: bigint }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'none' }
  | { type: 'tuple' | 'list'; items: PyValue[] }
  | { type: 'dict'; entries: [PyValue, PyValue][] };

/** A literal that ast.literal_eval would refuse; `offset` is the 0-based character position. */
export class PythonLiteralError extends Error {
  override readonly name = 'PythonLiteralError';
  constructor(readonly reason: string, readonly offset: number) {
    super(`${reason} at character ${offset}`);
  }
}

export interface PythonLiteralOptions {
  /** Accept Python 2's long-integer suffix (`10L`), as numpy does for .npy format 1.0 and 2.0 headers. */
  longSuffix?: boolean;
}

const MAX_DEPTH = 64;
const SIMPLE_ESCAPES: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
// Python's numeric literals (Language Reference §2.4.5–2.4.6), digits grouped by single underscores.
const DIGITS = String.raw`\d(?:_?\d)*`;
const NUMBER = new RegExp(
  String.raw`0[xX](?:_?[\da-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|` +
  String.raw`(?:${DIGITS})?\.${DIGITS}(?:[eE][+-]?${DIGITS})?|${DIGITS}\.?(?:[eE][+-]?${DIGITS})?`, 'y');

/**
 * Parses the text of a Python literal (str, bytes, int, float, True/False/None, tuple, list,
 * dict), as ast.literal_eval does: quotes ' " ''' """, string prefixes r/u/b, escapes
 * (\n, \x41, \u00e9, octal, …), adjacent strings joined, comments, a leading sign on numbers.
 * A dict keeps every entry in order, duplicates included (Python keeps the last).
 *
 * Notes
 * -----
 * Complex numbers, sets, \N{…} escapes and expressions other than a signed number are
 * refused: nothing in a .npy header (the reason this exists) uses them.
 *
 * References
 * ----------
 * Python Language Reference, §2.4 (literals); numpy/lib/format.py, _read_array_header.
 */
export function parsePythonLiteral(text: string, options: PythonLiteralOptions = {}): PyValue {
  let pos = 0;
  const fail = (reason: string, at = pos): never => { throw new PythonLiteralError(reason, at); };

  const skipBlank = (): void => {
    while (pos < text.length) {
      const c = text[pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') pos++;
      else if (c === '#') while (pos < text.length && text[pos] !== '\n') pos++;
      else if (c === '\\' && (text[pos + 1] === '\n' || text.startsWith('\r\n', pos + 1))) pos += text[pos + 1] === '\n' ? 2 : 3;
      else break;
    }
  };

  const stringBody = (quote: string, raw: boolean, bytes: boolean): string => {
    const start = pos;
    let out = '';
    for (;;) {
      if (pos >= text.length) fail('unterminated string', start);
      if (text.startsWith(quote, pos)) {
        pos += quote.length;
        return out;
      }
      const c = text[pos];
      if (quote.length === 1 && (c === '\n' || c === '\r')) fail('unterminated string', start);
      if (c !== '\\') {
        out += c;
        pos++;
        continue;
      }
      const e = text[pos + 1];
      if (e === undefined) fail('unterminated string', start);
      if (raw) { // the backslash stays; it only keeps the next character from ending the string
        out += c + e;
        pos += 2;
        continue;
      }
      pos += 2;
      if (e === '\n') continue;
      if (e === '\r') {
        if (text[pos] === '\n') pos++;
        continue;
      }
      if (e in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[e];
      else if (e >= '0' && e <= '7') {
        const digits = /^[0-7]{1,3}/.exec(text.slice(pos - 1, pos + 2))![0];
        pos += digits.length - 1;
        out += String.fromCodePoint(parseInt(digits, 8));
      } else if (e === 'x' || (!bytes && (e === 'u' || e === 'U'))) {
        const width = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const hex = text.slice(pos, pos + width);
        if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) fail(`truncated \\${e} escape`, pos - 2);
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) fail(`\\${e} escape out of range`, pos - 2);
        out += String.fromCodePoint(code);
        pos += width;
      } else if (e === 'N' && !bytes) fail('\\N{…} escapes are not supported', pos - 2);
      else out += c + e; // Python keeps unknown escapes as written
    }
  };

  /** One string token (prefix and quotes included), or null if none starts here. */
  const stringToken = (): { bytes: boolean; value: string } | null => {
    const m = /([rRuUbB]{0,2})("""|'''|"|')/y;
    m.lastIndex = pos;
    const found = m.exec(text);
    if (found === null) return null;
    const prefix = found[1].toLowerCase();
    if (!['', 'r', 'u', 'b', 'br', 'rb'].includes(prefix)) return null;
    pos += found[0].length;
    const bytes = prefix.includes('b');
    return { bytes, value: stringBody(found[2], prefix.includes('r'), bytes) };
  };

  const number = (negative: boolean): PyValue => {
    NUMBER.lastIndex = pos;
    const found = NUMBER.exec(text);
    if (found === null) return fail('expected a value');
    const start = pos;
    pos += found[0].length;
    const literal = found[0].replace(/_/g, '');
    if (/^[jJ]/.test(text.slice(pos))) fail('complex numbers are not supported', start);
    if (/^\d+$/.test(literal) || /^0[xXoObB]/.test(literal)) {
      if (/^0\d/.test(literal) && !/^0+$/.test(literal)) fail('leading zeros in a decimal integer', start);
      if (options.longSuffix === true && /^[lL]/.test(text.slice(pos))) pos++;
      const value = BigInt(literal);
      return { type: 'int', value: negative ? -value : value };
    }
    const value = Number(literal);
    return { type: 'float', value: negative ? -value : value };
  };

  const sequence = (close: string, depth: number): { items: PyValue[]; trailingComma: boolean } => {
    const items: PyValue[] = [];
    let trailingComma = false;
    for (;;) {
      skipBlank();
      if (text[pos] === close) {
        pos++;
        return { items, trailingComma };
      }
      items.push(value(depth + 1));
      skipBlank();
      trailingComma = text[pos] === ',';
      if (trailingComma) pos++;
      else if (text[pos] !== close) fail(`expected ',' or '${close}'`);
    }
  };

  const value = (depth: number): PyValue => {
    if (depth > MAX_DEPTH) fail('nested too deeply');
    skipBlank();
    const c = text[pos];
    if (c === undefined) return fail('expected a value');
    const str = stringToken();
    if (str !== null) {
      let joined = str.value;
      for (;;) { // adjacent string literals are one string
        skipBlank();
        const at = pos;
        const next = stringToken();
        if (next === null) break;
        if (next.bytes !== str.bytes) fail('cannot join str and bytes literals', at);
        joined += next.value;
      }
      return { type: str.bytes ? 'bytes' : 'str', value: joined };
    }
    if (c === '(') {
      pos++;
      const { items, trailingComma } = sequence(')', depth);
      return items.length === 1 && !trailingComma ? items[0] : { type: 'tuple', items };
    }
    if (c === '[') {
      pos++;
      return { type: 'list', items: sequence(']', depth).items };
    }
    if (c === '{') return braces(depth);
    if (c === '-' || c === '+') {
      pos++;
      skipBlank();
      return number(c === '-');
    }
    const word = /[A-Za-z_]\w*/y;
    word.lastIndex = pos;
    const name = word.exec(text)?.[0];
    if (name !== undefined) {
      pos += name.length;
      if (name === 'True' || name === 'False') return { type: 'bool', value: name === 'True' };
      if (name === 'None') return { type: 'none' };
      return fail(`unexpected name ${JSON.stringify(name)}`, pos - name.length);
    }
    return number(false);
  };

  const braces = (depth: number): PyValue => {
    pos++;
    skipBlank();
    if (text[pos] === '}') {
      pos++;
      return { type: 'dict', entries: [] };
    }
    const first = value(depth + 1);
    skipBlank();
    if (text[pos] !== ':') fail("expected ':' (sets are not supported)");
    const entries: [PyValue, PyValue][] = [];
    let key = first;
    for (;;) {
      pos++; // past ':'
      entries.push([key, value(depth + 1)]);
      skipBlank();
      if (text[pos] === ',') {
        pos++;
        skipBlank();
      } else if (text[pos] !== '}') fail("expected ',' or '}'");
      if (text[pos] === '}') {
        pos++;
        return { type: 'dict', entries };
      }
      key = value(depth + 1);
      skipBlank();
      if (text[pos] !== ':') fail("expected ':'");
    }
  };

  const result = value(0);
  skipBlank();
  if (pos < text.length) fail('unexpected text after the value');
  return result;
}

/** Python's repr-like rendering of a value, short, for messages. */
export function showPyValue(v: PyValue): string {
  switch (v.type) {
    case 'str': return `'${v.value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    case 'bytes': return `b'${v.value}'`;
    case 'int': return String(v.value);
    case 'float': return Number.isInteger(v.value) ? `${v.value}.0` : String(v.value);
    case 'bool': return v.value ? 'True' : 'False';
    case 'none': return 'None';
    case 'tuple': return `(${v.items.map(showPyValue).join(', ')}${v.items.length === 1 ? ',' : ''})`;
    case 'list': return `[${v.items.map(showPyValue).join(', ')}]`;
    case 'dict': return `{${v.entries.map(([k, x]) => `${showPyValue(k)}: ${showPyValue(x)}`).join(', ')}}`;
  }
}
