/** Longest line, in characters: far beyond any real row, small enough that /dev/zero stops at once. */
export const MAX_LINE_CHARS = 1 << 24;

/** A line grew past MAX_LINE_CHARS without ending (binary data, /dev/zero read as text). */
export class LineTooLongError extends Error {
  constructor(readonly line: number) {
    super(`line ${line} is longer than ${MAX_LINE_CHARS} characters`);
    this.name = 'LineTooLongError';
  }
}

/** Receives one line as bytes[start … end) (UTF-8, no line break); the bytes are valid until it returns. */
export type ByteLineHandler = (bytes: Uint8Array, start: number, end: number, lineNumber: number) => void;

/**
 * Reads whole lines of bytes[start … end) (`end` just after a '\n'; the first is line
 * `firstLine`) for as long as it can, and says where it stopped (a line start) and how many
 * lines it read; the line there then goes to the ByteLineHandler. A fast path that finds line
 * ends itself, so no line is looked at twice.
 */
export type ByteLinesReader = (bytes: Uint8Array, start: number, end: number, firstLine: number) => { next: number; lines: number };

/**
 * Calls onLine for every line of UTF-8 text arriving in chunks, with its 1-based number, as bytes:
 * nothing is decoded, so a caller that reads numbers makes no string per line or cell.
 * Lines end at '\n' (a preceding '\r' is dropped); a final line without '\n' counts; a leading
 * byte-order mark is skipped. A line may span any number of chunks (its bytes are gathered in one
 * buffer), and chunk buffers may be reused by the caller once the next one is requested. A line
 * longer than MAX_LINE_CHARS characters throws LineTooLongError: without a bound, input without
 * line breaks would be gathered forever. `readLines`, if given, is offered the whole lines of each
 * chunk after the first line, and onLine gets only the lines it leaves.
 */
export function forEachLineBytes(chunks: Iterable<Uint8Array>, onLine: ByteLineHandler, readLines?: ByteLinesReader): void {
  let carry = new Uint8Array(0);
  let carried = 0;
  let lineNumber = 0;
  const append = (chunk: Uint8Array, from: number, to: number): void => {
    const need = carried + to - from;
    if (need > carry.length) {
      const bigger = new Uint8Array(Math.max(need, 2 * carry.length, 256));
      bigger.set(carry.subarray(0, carried));
      carry = bigger;
    }
    carry.set(chunk.subarray(from, to), carried);
    carried = need;
  };
  const emit = (bytes: Uint8Array, start: number, end: number, final: boolean): void => {
    // The BOM TextDecoder would drop at the start of the stream.
    if (lineNumber === 0 && end - start >= 3 && bytes[start] === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf) start += 3;
    if (final && start === end) return;
    if (end > start && bytes[end - 1] === 13) end--;
    onLine(bytes, start, end, ++lineNumber);
  };
  for (const chunk of chunks) {
    let start = 0;
    const whole = chunk.lastIndexOf(10) + 1; // end of the chunk's last complete line
    if (whole > 0 && carried > 0) {
      const nl = chunk.indexOf(10);
      append(chunk, 0, nl);
      const length = carried;
      carried = 0;
      emit(carry, 0, length, false);
      start = nl + 1;
    }
    while (start < whole) {
      if (readLines !== undefined && lineNumber > 0) {
        const read = readLines(chunk, start, whole, lineNumber + 1);
        lineNumber += read.lines;
        start = read.next;
        if (start >= whole) break;
      }
      const nl = chunk.indexOf(10, start);
      emit(chunk, start, nl, false);
      start = nl + 1;
    }
    if (start < chunk.length) {
      append(chunk, start, chunk.length);
      // Bytes bound characters from above (one UTF-16 unit per byte at most): count only past the limit.
      if (carried > MAX_LINE_CHARS && new TextDecoder().decode(carry.subarray(0, carried), { stream: true }).length > MAX_LINE_CHARS) {
        throw new LineTooLongError(lineNumber + 1);
      }
    }
  }
  if (carried > 0) emit(carry, 0, carried, true);
}

/**
 * Calls onLine for every line of UTF-8 text arriving in chunks, with its 1-based number, as a
 * string: forEachLineBytes's lines, each decoded (a BOM inside the text is kept, as a streaming
 * TextDecoder keeps it).
 */
export function forEachLine(chunks: Iterable<Uint8Array>, onLine: (line: string, lineNumber: number) => void): void {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  forEachLineBytes(chunks, (bytes, start, end, lineNumber) => onLine(decoder.decode(bytes.subarray(start, end)), lineNumber));
}
