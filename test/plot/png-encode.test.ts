import fc from 'fast-check';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, encodePng } from '../../src/plot/render/png-encode.js';
import { decodePng } from './support.js';

/** Every chunk of a PNG: type, data and whether its CRC matches zlib's CRC-32 of type + data. */
function chunks(png: Uint8Array): { type: string; length: number; crcOk: boolean }[] {
  const buf = Buffer.from(png);
  const out = [];
  for (let p = 8; p < buf.length; ) {
    const len = buf.readUInt32BE(p);
    out.push({ type: buf.toString('latin1', p + 4, p + 8), length: len, crcOk: buf.readUInt32BE(p + 8 + len) === zlibCrc32(buf.subarray(p + 4, p + 8 + len)) });
    p += 12 + len;
  }
  return out;
}

describe('encodePng', () => {
  it('crc32 gives the standard check value and agrees with zlib', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => crc32(bytes) === zlibCrc32(bytes)));
  });

  it('round-trips any RGBA image through an independent decoder (zlib inflate + PNG unfiltering)', () => {
    const image = fc
      .record({ width: fc.integer({ min: 1, max: 24 }), height: fc.integer({ min: 1, max: 24 }), runs: fc.boolean() })
      .chain(({ width, height, runs }) =>
        fc.uint8Array({ minLength: width * height * 4, maxLength: width * height * 4 }).map((rgba) => {
          // Half the cases are blocky, like the cell images this encodes (runs and repeated rows).
          if (runs) for (let i = 4; i < rgba.length; i++) if (rgba[i] % 3 !== 0) rgba[i] = rgba[i - (i % (width * 4) >= 4 ? 4 : 0)];
          return { width, height, rgba };
        }),
      );
    fc.assert(
      fc.property(image, ({ width, height, rgba }) => {
        const png = encodePng(width, height, rgba);
        const decoded = decodePng(png);
        expect([decoded.width, decoded.height]).toEqual([width, height]);
        expect(Buffer.from(decoded.rgba).equals(Buffer.from(rgba))).toBe(true);
        expect(chunks(png).map((c) => [c.type, c.crcOk])).toEqual([
          ['IHDR', true],
          ['IDAT', true],
          ['IEND', true],
        ]);
      }),
    );
  });

  it('compresses a blocky image to a small fraction of its raw size, and the same pixels give the same bytes', () => {
    const width = 560;
    const height = 280;
    const rgba = new Uint8Array(width * height * 4);
    // 8 × 4-pixel cells of unrelated colours, like a response map's.
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const cell = (x >> 3) * 7919 + (y >> 2) * 104729;
        rgba.set([cell & 0xff, (cell >> 8) & 0xff, (cell >> 16) & 0xff, 255], 4 * (y * width + x));
      }
    }
    const png = encodePng(width, height, rgba);
    expect(png.length).toBeLessThan(rgba.length / 10);
    expect(Buffer.from(encodePng(width, height, rgba.slice())).equals(Buffer.from(png))).toBe(true);
  });

  it('refuses a buffer of the wrong size', () => {
    expect(() => encodePng(2, 2, new Uint8Array(15))).toThrow(/expected 16 bytes, got 15/);
  });
});
