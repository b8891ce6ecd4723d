#!/usr/bin/env node
// Glue only (ESLint's bin/eslint.js): the CLI is run(argv) → exit code, from src/cli/main.ts, which
// bin/bundle.mjs bundles into dist/cli.cjs; src/util/load-bundle.ts says how it is loaded (here from
// its CommonJS build, dist/util/load-bundle.cjs). Worker threads of `sweep --jobs N` start here too,
// so that every thread of a command runs the same bundle: src/sweep/parallel/run-sweep.ts starts them
// with the argument --sweep-worker, and only then is worker_threads loaded to make sure (a start-up,
// `--help`, does not load it).
// CommonJS (bin/package.json), not an ES module: Node then starts without its ES module loader, a
// tenth of what `--help` costs.
'use strict';
const { loadCli } = require('../dist/util/load-bundle.cjs');

const argv = process.argv.slice(2);
const worker = argv[0] === '--sweep-worker' && !require('node:worker_threads').isMainThread;
const cli = load();
if (!cli) process.exitCode = 1;
else if (worker) cli.sweepWorker();
else cli.run(argv).then((code) => (process.exitCode = code));

function load() {
  try {
    return loadCli({ debug: !worker && argv.includes('--debug') });
  } catch (err) {
    if (err?.code !== 'ERR_STALE_BUNDLE') throw err;
    process.stderr.write(`momentum-fr: ${err.message}\n`);
    return undefined;
  }
}
