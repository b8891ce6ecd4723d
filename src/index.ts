// `momentum-fr` for bundlers and browsers: the pure API (src/api.ts), browser-safe, with mathjs
// imported statically so a bundler for a web page finds it. Node.js resolves `momentum-fr` to
// src/index-node.ts instead (package.json "exports": the "node" condition), which loads mathjs only
// when a config has an expression: its ES build takes seconds to import. docs/architecture.md draws
// the layers.
import { all, create } from 'mathjs';
import { provideMathjs } from './schedule/mathjs-provider.js';

provideMathjs(() => ({ create, all }));

export * from './api.js';
