#!/usr/bin/env node
// Glue only (ESLint's bin/eslint.js): the CLI is run(argv) → exit code, from src/cli/main.ts.
// Commands run from dist/cli.cjs: main.ts bundled with the modules and packages it uses, loaded with
// a V8 code cache (bin/bundle.mjs), which starts `analyze` or `plot` far faster than ~150 ES
// modules. Help and version need only commander and the command declarations, which the ES modules
// load alone, faster than the whole bundle's cache; --debug runs them too, for readable stack
// traces. Same source either way: only the speed differs.
import { statSync } from 'node:fs';

const argv = process.argv.slice(2);
const MODULES = new Set(['--help', '-h', '--version', '-V', '--debug']);
const useModules = argv.length === 0 || argv[0] === 'help' || argv.some((a) => MODULES.has(a));
const bundle = new URL('../dist/cli.cjs', import.meta.url);
const { run } = useModules || !bundleIsCurrent()
  ? await import('../dist/cli/main.js')
  : (await import('../dist/util/load-bundle.js')).loadBundle(bundle);
process.exitCode = await run(argv);

/** The bundle exists and is newer than tsc's output (a bare `tsc` after `npm run build` leaves it stale). */
function bundleIsCurrent() {
  const mtime = (url) => statSync(url, { throwIfNoEntry: false })?.mtimeMs ?? -1;
  return mtime(bundle) >= mtime(new URL('../dist/cli/main.js', import.meta.url));
}
