#!/usr/bin/env node
// Glue only (ESLint's bin/eslint.js): the CLI is run(argv) → exit code, from src/cli/main.ts, which
// bin/bundle.mjs bundles into dist/cli.cjs; src/util/load-bundle.ts says how it is loaded (here from
// its CommonJS build, dist/util/load-bundle.cjs). Worker threads of `sweep --jobs N` start here too,
// so that every thread of a command runs the same bundle.
// CommonJS (bin/package.json), not an ES module: Node then starts without its ES module loader, a
// tenth of what `--help` costs.
'use strict';
const { isMainThread } = require('node:worker_threads');
const { loadCli } = require('../dist/util/load-bundle.cjs');

const argv = process.argv.slice(2);
const cli = load();
if (!cli) process.exitCode = 1;
else if (isMainThread) cli.run(argv).then((code) => (process.exitCode = code));
else cli.sweepWorker();

function load() {
  try {
    // Help and the version alone take the build's start-up code cache (src/util/load-bundle.ts).
    const startOnly = isMainThread && (argv.length === 0 || argv.some((a) => a === '--help' || a === '-h' || a === '--version' || a === '-V'));
    return loadCli({ debug: isMainThread && argv.includes('--debug'), startOnly });
  } catch (err) {
    if (err?.code !== 'ERR_STALE_BUNDLE') throw err;
    process.stderr.write(`momentum-fr: ${err.message}\n`);
    return undefined;
  }
}
