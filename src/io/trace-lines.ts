/** Longest line, in characters: far beyond any real row, small enough that /dev/zero stops at once. */
export const MAX_LINE_CHARS = 1 << 24;

/** A line grew past MAX_LINE_CHARS without ending (binary data, /dev/zero read as text). */
export class LineTooLongError extends Error {
  constructor(readonly line: number) {
    super(`line ${line} is longer than ${MAX_LINE_CHARS} characters`);
    this.name = 'LineTooLongError';
  }
}

/**
 * Calls onLine for every line of UTF-8 text arriving in chunks, with its 1-based number.
 * Lines end at '\n' (a preceding '\r' is dropped); a final line without '\n' counts; a
 * leading byte-order mark is skipped. A line may span any number of chunks, and chunk
 * buffers may be reused by the caller once the next one is requested (they are decoded
 * before that). A line longer than MAX_LINE_CHARS throws LineTooLongError: without a bound,
 * input without line breaks would be gathered (and rescanned) forever.
 */
export function forEachLine(chunks: Iterable<Uint8Array>, onLine: (line: string, lineNumber: number) => void): void {
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  let lineNumber = 0;
  const split = (text: string): void => {
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      onLine(text.slice(start, end), ++lineNumber);
      start = nl + 1;
    }
    carry = text.slice(start);
    if (carry.length > MAX_LINE_CHARS) throw new LineTooLongError(lineNumber + 1);
  };
  for (const chunk of chunks) split(carry + decoder.decode(chunk, { stream: true }));
  const rest = carry + decoder.decode();
  if (rest.length > 0) onLine(rest.endsWith('\r') ? rest.slice(0, -1) : rest, ++lineNumber);
}
