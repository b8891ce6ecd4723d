/** A parameter value of a window: a number, a flag (taylor's norm), None (exponential's center) or weights (general_cosine). */
export type WindowParam = number | boolean | null | readonly number[];

/**
 * A window as scipy.signal.get_window takes it: a name ('hann'), a name with parameters as
 * the CLI writes it ('tukey:0.25', 'general_gaussian:1.5:7'), a tuple (['kaiser', 8]), or a
 * number (a Kaiser window with that beta). Names and aliases are scipy's; a '_periodic' or
 * '_symmetric' suffix overrides `fftbins`, as in scipy.
 */
export type WindowSpec = string | number | readonly [string, ...WindowParam[]];

interface ParamDef {
  name: string;
  kind: 'number' | 'flag' | 'center' | 'weights';
  /** Present: the parameter may be left out. */
  fallback?: number | boolean | null;
  /** A reason the value is refused, or null. */
  check?: (x: number) => string | null;
}

const finite = (x: number): string | null => (Number.isFinite(x) ? null : 'must be a finite number');
const positive = (x: number): string | null => (Number.isFinite(x) && x > 0 ? null : 'must be a positive finite number');
const besselRange = (x: number): string | null => (Number.isFinite(x) && Math.abs(x) <= 700 ? null : 'must be a number in [−700, 700] (I0(beta) overflows beyond)');

const P = (name: string, check: ParamDef['check'] = finite, fallback?: number | boolean | null, kind: ParamDef['kind'] = 'number'): ParamDef =>
  ({ name, kind, check, ...(fallback === undefined ? {} : { fallback }) });

/** Every window of scipy.signal.get_window: canonical name → aliases and parameters, in scipy's order. */
export const WINDOWS = {
  barthann: { aliases: ['brthan', 'bth'], params: [] },
  bartlett: { aliases: ['bart', 'brt'], params: [] },
  blackman: { aliases: ['black', 'blk'], params: [] },
  blackmanharris: { aliases: ['blackharr', 'bkh'], params: [] },
  bohman: { aliases: ['bman', 'bmn'], params: [] },
  boxcar: { aliases: ['box', 'ones', 'rect', 'rectangular'], params: [] },
  chebwin: { aliases: ['cheb'], params: [P('at')] },
  cosine: { aliases: ['halfcosine'], params: [] },
  dpss: { aliases: [], params: [P('NW', positive)] },
  exponential: { aliases: ['poisson'], params: [P('center', finite, null, 'center'), P('tau', positive, 1)] },
  flattop: { aliases: ['flat', 'flt'], params: [] },
  gaussian: { aliases: ['gauss', 'gss'], params: [P('std', positive)] },
  general_cosine: { aliases: ['general cosine'], params: [P('a', finite, undefined, 'weights')] },
  general_gaussian: { aliases: ['general gaussian', 'general gauss', 'general_gauss', 'ggs'], params: [P('p'), P('sig', positive)] },
  general_hamming: { aliases: ['general hamming'], params: [P('alpha')] },
  hamming: { aliases: ['hamm', 'ham'], params: [] },
  hann: { aliases: ['han'], params: [] },
  kaiser: { aliases: ['ksr'], params: [P('beta', besselRange)] },
  kaiser_bessel_derived: { aliases: ['kaiser bessel derived', 'kbd'], params: [P('beta', besselRange)] },
  lanczos: { aliases: ['sinc'], params: [] },
  nuttall: { aliases: ['nutl', 'nut'], params: [] },
  parzen: { aliases: ['parz', 'par'], params: [] },
  taylor: {
    aliases: ['taylorwin'],
    params: [P('nbar', (x) => (Number.isInteger(x) && x >= 1 ? null : 'must be a positive integer'), 4), P('sll', (x) => (Number.isFinite(x) && x >= 0 ? null : 'must be a number ≥ 0 (dB)'), 30), P('norm', undefined, true, 'flag')],
  },
  triang: { aliases: ['triangle', 'tri'], params: [] },
  tukey: { aliases: ['tuk'], params: [P('alpha', finite, 0.5)] },
} satisfies Record<string, { aliases: string[]; params: ParamDef[] }>;

/** Canonical window names, as scipy.signal.windows names its functions. */
export type WindowName = keyof typeof WINDOWS;
export const WINDOW_NAMES = Object.keys(WINDOWS) as WindowName[];

/** A window spec resolved: canonical name, every parameter (defaults filled in), and a forced symmetry. */
export interface ResolvedWindow {
  name: WindowName;
  params: Record<string, number | boolean | null | readonly number[]>;
  /** From a '_symmetric' (true) or '_periodic' (false) suffix; overrides fftbins. */
  symmetric?: boolean;
}

const BY_ALIAS = new Map<string, WindowName>(WINDOW_NAMES.flatMap((n) => [[n, n] as const, ...WINDOWS[n].aliases.map((a) => [a, n] as const)]));

/** 'kaiser:BETA', 'tukey[:ALPHA]', 'taylor[:NBAR[:SLL[:NORM]]]': how the CLI spells a window with its parameters. */
export function windowSignature(name: WindowName): string {
  const params = WINDOWS[name].params as readonly ParamDef[];
  let tail = '';
  for (let i = params.length - 1; i >= 0; i--) {
    const part = `:${params[i].kind === 'weights' ? 'A0:A1:…' : params[i].name.toUpperCase()}${tail}`;
    tail = params[i].fallback === undefined ? part : `[${part}]`;
  }
  return name + tail;
}

function parseText(text: string, kind: ParamDef['kind']): WindowParam | undefined {
  const t = text.trim();
  if (kind === 'flag' && /^(true|false)$/i.test(t)) return t.toLowerCase() === 'true';
  if (kind === 'center' && /^none$/i.test(t)) return null;
  const x = t === '' ? NaN : Number(t);
  return Number.isNaN(x) ? undefined : x;
}

/**
 * Resolves a window spec against scipy's table: the name (or alias, case-insensitive), its
 * parameters checked and defaults filled in. Throws RangeError with a message that names the
 * spec and says what is expected: these are user input, checked before any work.
 */
export function resolveWindow(spec: WindowSpec): ResolvedWindow {
  let rawName: string;
  let raw: (WindowParam | string)[];
  if (typeof spec === 'number') [rawName, raw] = ['kaiser', [spec]];
  else if (typeof spec === 'string') [rawName, ...raw] = spec.split(':');
  else if (Array.isArray(spec) && typeof spec[0] === 'string') [rawName, ...raw] = spec as [string, ...WindowParam[]];
  else throw new RangeError(`a window is a name, a name with parameters or a number (got ${String(spec)})`);
  let key = rawName.trim().toLowerCase();
  let symmetric: boolean | undefined;
  if (key.endsWith('_symmetric')) [key, symmetric] = [key.slice(0, -10), true];
  else if (key.endsWith('_periodic')) [key, symmetric] = [key.slice(0, -9), false];
  const name = BY_ALIAS.get(key);
  if (name === undefined) throw new RangeError(`unknown window '${rawName}' (known: ${WINDOW_NAMES.join(', ')})`);
  const defs = WINDOWS[name].params as readonly ParamDef[];
  const shown = typeof spec === 'string' ? spec : JSON.stringify(spec);
  if (defs.length === 0 && raw.length > 0) throw new RangeError(`window '${name}' takes no parameters (got ${shown})`);
  const params: ResolvedWindow['params'] = {};
  for (const [i, def] of defs.entries()) {
    if (def.kind === 'weights') { // general_cosine: every parameter is a weight, or one array of them
      const list = raw.length === 1 && Array.isArray(raw[0]) ? raw[0] as readonly number[] : raw;
      const weights = list.map((w) => (typeof w === 'string' ? parseText(w, 'number') : w));
      if (weights.length === 0 || !weights.every((w) => typeof w === 'number' && Number.isFinite(w))) {
        throw new RangeError(`window '${name}' needs finite weights: ${windowSignature(name)} (got ${shown})`);
      }
      params[def.name] = weights as number[];
      return symmetric === undefined ? { name, params } : { name, params, symmetric };
    }
    const given = raw[i];
    const value = typeof given === 'string' ? parseText(given, def.kind) : given;
    if (given === undefined) {
      if (def.fallback === undefined) {
        const missing = defs.slice(i).filter((d) => d.fallback === undefined).map((d) => d.name);
        throw new RangeError(`window '${name}' needs its parameter${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: ${windowSignature(name)} (got ${shown})`);
      }
      params[def.name] = def.fallback;
      continue;
    }
    const ok = (def.kind === 'flag' && typeof value === 'boolean') || (def.kind === 'center' && value === null) || typeof value === 'number';
    const reason = !ok ? `must be ${def.kind === 'flag' ? 'true or false' : 'a number'}` : typeof value === 'number' ? def.check?.(value) ?? null : null;
    if (reason !== null) throw new RangeError(`window '${name}': ${def.name} ${reason} (got ${typeof given === 'string' ? given : String(given)})`);
    params[def.name] = value as number | boolean | null;
  }
  if (raw.length > defs.length) throw new RangeError(`window '${name}' takes at most ${defs.length} parameter${defs.length === 1 ? '' : 's'}: ${windowSignature(name)} (got ${shown})`);
  return symmetric === undefined ? { name, params } : { name, params, symmetric };
}
