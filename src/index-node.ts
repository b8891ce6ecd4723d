// `momentum-fr` in Node.js (package.json "exports", "node" condition): the pure API of src/api.ts,
// with mathjs loaded lazily through createRequire, when a config first has an expression (the CLI
// does the same), rather than src/index.ts' static import of mathjs' ES build, which takes seconds.
import { requireMathjs } from './io/require-mathjs.js';
import { provideMathjs } from './schedule/mathjs-provider.js';

provideMathjs(requireMathjs, { fallback: true });

export * from './api.js';
