import { createRequire } from 'node:module';

/**
 * Name and version, read from package.json so they can never disagree with the published package.
 * Found by the package's own name (a self-reference), so the same from src/, dist/ and the CLI's bundle.
 */
const pkg = createRequire(import.meta.url)('momentum-fr/package.json') as { name: string; version: string };

export const TOOL = { name: pkg.name, version: pkg.version } as const;
