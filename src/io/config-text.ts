import type { ConfigIssue } from '../schedule/issues.js';

/**
 * The bytes of a config file → its text. Config files are UTF-8 (YAML 1.2 also allows UTF-16/32, but
 * editors, git diffs and the rest of the toolchain expect UTF-8); a UTF-8 byte order mark is dropped.
 * A UTF-16/32 byte order mark, NUL bytes (UTF-16 without a mark, or a binary file) and invalid UTF-8
 * are an `encoding` issue at the first offending byte, instead of text full of U+FFFD.
 */
export function decodeConfigText(bytes: Uint8Array): { text: string } | { issue: ConfigIssue } {
  const bom = byteOrderMark(bytes);
  if (bom) return { issue: { code: 'encoding', path: [], message: `the file is ${bom} (it starts with a ${bom} byte order mark); save it as UTF-8`, line: 1, column: 1 } };
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { issue: { code: 'encoding', path: [], message: 'the file contains NUL bytes: is it UTF-16 or binary? Save it as UTF-8', ...position(bytes, nul) } };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const at = firstInvalidByte(bytes);
    const hex = bytes[at].toString(16).toUpperCase().padStart(2, '0');
    return { issue: { code: 'encoding', path: [], message: `not valid UTF-8 (byte 0x${hex} at offset ${at}); save the file as UTF-8`, ...position(bytes, at) } };
  }
}

function byteOrderMark(b: Uint8Array): string | undefined {
  if (b[0] === 0xff && b[1] === 0xfe) return b[2] === 0 && b[3] === 0 ? 'UTF-32' : 'UTF-16';
  if (b[0] === 0xfe && b[1] === 0xff) return 'UTF-16';
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return 'UTF-32';
  return undefined;
}

/**
 * Offset of the first byte that cannot start or continue a UTF-8 sequence: the shortest prefix that a
 * fatal decoder refuses, found by bisection (a streaming decode does not fail on a sequence cut at
 * the end of the prefix, so refusal is monotonic in the prefix length).
 */
function firstInvalidByte(bytes: Uint8Array): number {
  const refuses = (n: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  let lo = 0;
  let hi = bytes.length;
  if (!refuses(hi)) {
    // Only a sequence cut short at the very end: point at its lead byte.
    let i = hi - 1;
    while (i > 0 && (bytes[i] & 0xc0) === 0x80) i--;
    return i;
  }
  while (lo + 1 < hi) {
    const mid = (lo + hi) >>> 1;
    if (refuses(mid)) hi = mid;
    else lo = mid;
  }
  // Byte hi − 1 broke a sequence; when that sequence began earlier (Latin-1 "é" = 0xE9 before a
  // newline), point at its lead byte: that is the character the user has to fix.
  const bad = hi - 1;
  for (let j = bad - 1; j >= Math.max(0, bad - 3); j--) {
    if ((bytes[j] & 0xc0) === 0x80) continue;
    return bytes[j] >= 0xc0 ? j : bad;
  }
  return bad;
}

/** 1-based line and column (in bytes) of a byte offset. */
function position(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
