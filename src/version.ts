import { createRequire } from 'node:module';

/** Name and version, read from package.json so they can never disagree with the published package. */
const pkg = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

export const TOOL = { name: pkg.name, version: pkg.version } as const;
