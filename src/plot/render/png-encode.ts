import { constants, deflateSync } from 'node:zlib';

/**
 * An 8-bit RGBA PNG of `rgba` (row-major, 4 bytes per pixel), for images embedded in an SVG.
 *
 * Deterministic across machines, so figures stay byte-stable in CI: each row takes the filter (None,
 * Sub or Up) with the smallest sum of absolute residuals, and the data is deflated with the Z_RLE
 * strategy, which matches only runs at distance one and never consults zlib's hash chains — the part
 * whose output varies with the CPU features the zlib build uses. Cell images are runs of equal pixels
 * with repeated rows, which Up + RLE reduce to almost nothing.
 */
export function encodePng(width: number, height: number, rgba: Uint8Array): Uint8Array {
  const stride = width * 4;
  if (rgba.length !== stride * height) throw new Error(`encodePng: expected ${stride * height} bytes, got ${rgba.length}`);
  const filtered = new Uint8Array((stride + 1) * height);
  const candidate = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    const out = y * (stride + 1);
    let best = -1;
    let bestCost = Infinity;
    for (let filter = 0; filter <= 2; filter++) {
      if (filter === 2 && y === 0) continue; // Up on the first row is None
      let cost = 0;
      for (let x = 0; x < stride; x++) {
        const left = filter === 1 && x >= 4 ? rgba[row + x - 4] : 0;
        const up = filter === 2 ? rgba[row + x - stride] : 0;
        const r = (rgba[row + x] - left - up) & 0xff;
        candidate[x] = r;
        cost += r < 128 ? r : 256 - r;
      }
      if (cost < bestCost) {
        bestCost = cost;
        best = filter;
        filtered[out] = filter;
        filtered.set(candidate, out + 1);
      }
    }
    if (best < 0) throw new Error('encodePng: no filter chosen');
  }
  const idat = deflateSync(filtered, { level: 9, strategy: constants.Z_RLE });
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, adaptive filters, no interlace
  return concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))]);
}

/** `data:image/png;base64,…` of an RGBA image. */
export function pngDataUrl(width: number, height: number, rgba: Uint8Array): string {
  return `data:image/png;base64,${Buffer.from(encodePng(width, height, rgba)).toString('base64')}`;
}

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

let CRC_TABLE: Uint32Array | null = null;

/** CRC-32 (ISO 3309, as PNG chunks use it). */
export function crc32(bytes: Uint8Array): number {
  if (CRC_TABLE === null) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
