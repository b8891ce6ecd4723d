#!/usr/bin/env node
// Glue only (ESLint's bin/eslint.js): the CLI is run(argv) → exit code, from src/cli/main.ts.
// Commands run from dist/cli.cjs: main.ts bundled with the modules and packages it uses, loaded with
// a V8 code cache (bin/bundle.mjs), which starts `analyze` or `plot` far faster than ~150 ES
// modules. Help and version need only commander and the command declarations, which the ES modules
// load alone, faster than the whole bundle's cache. Same source either way: only the speed differs.
const argv = process.argv.slice(2);
const HELP = new Set(['--help', '-h', '--version', '-V']);
const helpOnly = argv.length === 0 || argv[0] === 'help' || argv.some((a) => HELP.has(a));
const { run } = helpOnly
  ? await import('../dist/cli/main.js')
  : (await import('../dist/util/load-bundle.js')).loadBundle(new URL('../dist/cli.cjs', import.meta.url));
process.exitCode = await run(argv);
