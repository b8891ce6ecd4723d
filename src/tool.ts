/**
 * Who wrote a document, and in which layout: the only place the tool's name, its version and the
 * schema version are spelled. A literal rather than a read of package.json, so the module is pure
 * (a browser bundle has no package.json to read); test/tool.test.ts checks it against package.json.
 */
export const TOOL = { name: 'momentum-fr', version: '0.1.0' } as const;

/**
 * The layout version of every JSON document the tool writes (analyze, sweep, simulate, spectrum,
 * coefficients, tune). It changes only when a key is renamed or removed; new keys keep it.
 */
export const SCHEMA_VERSION = 1;

/** The keys every JSON document starts with. */
export interface DocumentHeader {
  schemaVersion: typeof SCHEMA_VERSION;
  tool: { name: string; version: string };
}

/** `{schemaVersion, tool}`, a fresh object each call (callers may spread or extend it). */
export function documentHeader(): DocumentHeader {
  return { schemaVersion: SCHEMA_VERSION, tool: { name: TOOL.name, version: TOOL.version } };
}
