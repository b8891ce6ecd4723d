#!/usr/bin/env node
// Glue only (ESLint's bin/eslint.js): the CLI is run(argv) → exit code, in dist/cli/main.js.
import { run } from '../dist/cli/main.js';

process.exitCode = await run(process.argv.slice(2));
