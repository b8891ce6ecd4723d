import { inflateSync } from 'node:zlib';
import { parseSchedules } from '../../src/schedule/parse.js';
import type { Schedule, StageTable } from '../../src/types.js';

/** Schedules from YAML text; fails the test on any config issue. */
export function schedulesOf(yaml: string): Schedule[] {
  const parsed = parseSchedules(yaml, { defaultName: 'test' });
  if (parsed.issues.length > 0) throw new Error(parsed.issues.map((i) => i.message).join('; '));
  return parsed.schedules;
}

export function scheduleOf(yaml: string): Schedule {
  return schedulesOf(yaml)[0];
}

// Closed forms of the frozen stage filter H(e^{jω}) = v/(1 − u e^{−jω}) (paper.md), written out
// independently of src/filter.
/** |H| = |v| / sqrt((1 − u)² + 4u·sin²(ω/2)), in dB. */
export function gainDbClosedForm(u: number, v: number, w: number): number {
  return 20 * Math.log10(Math.abs(v) / Math.sqrt((1 - u) ** 2 + 4 * u * Math.sin(w / 2) ** 2));
}
/** φ = −atan2(u sin ω, 1 − u cos ω) for v > 0 (rad). */
export function phaseClosedForm(u: number, w: number): number {
  return -Math.atan2(u * Math.sin(w), 1 - u * Math.cos(w));
}
/** τ = u(cos ω − u)/(1 − 2u cos ω + u²) (steps). */
export function groupDelayClosedForm(u: number, w: number): number {
  return (u * (Math.cos(w) - u)) / (1 - 2 * u * Math.cos(w) + u * u);
}

/** |a − b| ≤ tol·max(1, |b|) with a message that shows both. */
export function near(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
}

/** The value of `key` in a spec read as JSON data (a TopLevelSpec is a union: not every member declares every key). */
export function keyOf(spec: object, key: string): unknown {
  return (spec as Record<string, unknown>)[key];
}

/** Every object in a JSON tree (depth first), for finding encodings and marks in nested specs. */
export function nodes(tree: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(tree)) for (const x of tree) nodes(x, out);
  else if (tree !== null && typeof tree === 'object') {
    out.push(tree as Record<string, unknown>);
    for (const [k, v] of Object.entries(tree)) if (k !== 'datasets') nodes(v, out);
  }
  return out;
}

export interface DecodedPng {
  width: number;
  height: number;
  /** RGBA, 8 bits per channel, row-major. */
  rgba: Uint8Array;
}

/**
 * A minimal PNG decoder (8-bit RGBA or RGB, non-interlaced — what resvg writes): chunks, IHDR, the
 * concatenated IDAT inflated with node:zlib, then the five scanline filters of PNG spec §9.
 */
export function decodePng(bytes: Uint8Array): DecodedPng {
  const buf = Buffer.from(bytes);
  if (buf.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('not a PNG signature');
  let width = 0;
  let height = 0;
  let colorType = -1;
  const idat: Buffer[] = [];
  for (let p = 8; p < buf.length; ) {
    const len = buf.readUInt32BE(p);
    const type = buf.toString('latin1', p + 4, p + 8);
    const data = buf.subarray(p + 8, p + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('only 8-bit, non-interlaced PNGs');
      colorType = data[9];
    } else if (type === 'IDAT') idat.push(data);
    p += 12 + len;
  }
  const channels = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
  if (channels === 0) throw new Error(`unsupported colour type ${colorType}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const px = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? px[y * stride + x - channels] : 0;
      const b = y > 0 ? px[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? px[(y - 1) * stride + x - channels] : 0;
      let pred = 0;
      if (filter === 1) pred = a;
      else if (filter === 2) pred = b;
      else if (filter === 3) pred = (a + b) >> 1;
      else if (filter === 4) {
        const p0 = a + b - c;
        const pa = Math.abs(p0 - a);
        const pb = Math.abs(p0 - b);
        const pc = Math.abs(p0 - c);
        pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      px[y * stride + x] = (line[x] + pred) & 0xff;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    for (let k = 0; k < 3; k++) rgba[i * 4 + k] = px[i * channels + k];
    rgba[i * 4 + 3] = channels === 4 ? px[i * channels + 3] : 255;
  }
  return { width, height, rgba };
}

/**
 * Parses the element structure of an SVG (tags only; attributes may not contain `>`, which vega's
 * output never does): throws on a closing tag that does not match, returns how often each element
 * occurs and the text of every <text>.
 */
export function svgElements(svg: string): { counts: Map<string, number>; texts: string[] } {
  const stack: string[] = [];
  const counts = new Map<string, number>();
  const texts: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g;
  for (let m = tag.exec(svg); m !== null; m = tag.exec(svg)) {
    const [, closing, name, selfClosing] = m;
    if (closing) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}> at ${m.index}`);
      continue;
    }
    counts.set(name, (counts.get(name) ?? 0) + 1);
    if (name === 'text') texts.push(svg.slice(tag.lastIndex, svg.indexOf('<', tag.lastIndex)));
    if (!selfClosing) stack.push(name);
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('>, <')}>`);
  return { counts, texts };
}

/** A stage table from stage lengths and coefficients. */
export function stageTable(lengths: number[], u: number[], v: number[]): StageTable {
  const startStep: number[] = [];
  const endStep: number[] = [];
  let step = 1;
  for (const n of lengths) {
    startStep.push(step);
    endStep.push(step + n - 1);
    step += n;
  }
  return { count: lengths.length, startStep: Float64Array.from(startStep), endStep: Float64Array.from(endStep), u: Float64Array.from(u), v: Float64Array.from(v) };
}
