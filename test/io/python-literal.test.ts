import { describe, expect, it } from 'vitest';
import { parsePythonLiteral, PythonLiteralError, type PyValue } from '../../src/io/python-literal.js';
import { loadFixture } from '../spectral/fixture.js';

/** literal_eval's result as generate.py tags it: { str: … }, { int: "…" }, { dict: [[k, v], …] }, … */
type Tagged = Record<string, unknown>;
const { good, bad } = loadFixture<{ good: { text: string; value: Tagged }[]; bad: string[] }>('python-literals.json');

/** Our value in the fixture's tagging; a dict keeps one entry per key, the last value, as Python's. */
function tagged(v: PyValue): Tagged {
  switch (v.type) {
    case 'str': case 'bytes': case 'bool': return { [v.type]: v.value };
    case 'int': return { int: v.value.toString() };
    case 'float': return { float: v.value };
    case 'none': return { none: true };
    case 'tuple': case 'list': return { [v.type]: v.items.map(tagged) };
    case 'dict': {
      const entries = new Map<string, [Tagged, Tagged]>();
      for (const [k, x] of v.entries) {
        const key = tagged(k);
        const id = JSON.stringify(key);
        entries.set(id, [entries.get(id)?.[0] ?? key, tagged(x)]);
      }
      return { dict: [...entries.values()] };
    }
  }
}

/** The fixture's tagging with Python's float repr read as a number. */
function normalized(t: Tagged): Tagged {
  return JSON.parse(JSON.stringify(t), (key, value) => (key === 'float' ? Number(value) : value));
}

describe('parsePythonLiteral', () => {
  for (const c of good) {
    it(`reads ${JSON.stringify(c.text)} as ast.literal_eval does`, () => {
      expect(tagged(parsePythonLiteral(c.text))).toEqual(normalized(c.value));
    });
  }

  for (const text of bad) {
    it(`refuses ${JSON.stringify(text)}, as ast.literal_eval does`, () => {
      expect(() => parsePythonLiteral(text)).toThrow(PythonLiteralError);
    });
  }

  it("accepts Python 2's long suffix only when asked (numpy does for .npy format 1.0 and 2.0)", () => {
    expect(() => parsePythonLiteral('(10L,)')).toThrow(PythonLiteralError);
    expect(parsePythonLiteral('(10L,)', { longSuffix: true })).toEqual({ type: 'tuple', items: [{ type: 'int', value: 10n }] });
  });

  it('refuses complex numbers, \\N escapes and deep nesting with a reason and a position', () => {
    expect(() => parsePythonLiteral('1j')).toThrow('complex numbers are not supported at character 0');
    expect(() => parsePythonLiteral("'\\N{EM DASH}'")).toThrow(/\\N\{…\} escapes are not supported/);
    expect(() => parsePythonLiteral(`${'['.repeat(10_000)}${']'.repeat(10_000)}`)).toThrow(/nested too deeply/);
  });
});
