/** Everything the page shows follows from this: a link with it in the hash reproduces the view. */
export interface PageState {
  /** The config text (YAML or JSON) as edited. */
  text: string;
  /** Which figure of each schedule is shown. */
  figure: ExploreFigure;
  /** Where in training the stage slider stands, as a fraction of each schedule's steps (0 … 1). */
  position: number;
  /** Analyse stages with |u| ≥ 1 anyway (the library's allowUnstable). */
  allowUnstable: boolean;
}

/**
 * The figures of a schedule the page can show: the CLI's plot kinds of the same names, and the
 * exact response at the position slider's step beside the frozen one of its stage (exact-at-step.ts).
 */
export const EXPLORE_FIGURES = ['magnitude', 'phase', 'group-delay', 'response-map', 'metrics', 'coefficients', 'exact-vs-frozen'] as const;
export type ExploreFigure = (typeof EXPLORE_FIGURES)[number];

/**
 * The state as a URL hash: `#` + base64url of the state's JSON in UTF-8 (any text, no escaping
 * issues, and a hash never reaches a server). Keys are fixed, so equal states give equal hashes.
 */
export function stateHash(state: PageState): string {
  const json = JSON.stringify({ text: state.text, figure: state.figure, position: state.position, allowUnstable: state.allowUnstable });
  let binary = '';
  for (const byte of new TextEncoder().encode(json)) binary += String.fromCharCode(byte);
  return `#${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

/**
 * The state a hash holds, or undefined for an empty or foreign hash (the page then starts from the
 * configs it was written with). Missing or malformed fields take their defaults.
 */
export function parseStateHash(hash: string, defaults: PageState): PageState | undefined {
  const body = hash.replace(/^#/, '');
  if (body === '') return undefined;
  let value: unknown;
  try {
    const binary = atob(body.replace(/-/g, '+').replace(/_/g, '/'));
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  return {
    text: typeof v.text === 'string' ? v.text : defaults.text,
    figure: EXPLORE_FIGURES.includes(v.figure as ExploreFigure) ? (v.figure as ExploreFigure) : defaults.figure,
    position: typeof v.position === 'number' && v.position >= 0 && v.position <= 1 ? v.position : defaults.position,
    allowUnstable: typeof v.allowUnstable === 'boolean' ? v.allowUnstable : defaults.allowUnstable,
  };
}
