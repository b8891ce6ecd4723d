// Tests import src/ modules directly, past the entry points that provide mathjs to the expression
// sandbox (src/index.ts, src/node.ts, the CLI's run): provide it as the CLI does.
import { provideMathjs } from '../../src/schedule/mathjs-provider.js';
import { requireMathjs } from '../../src/io/require-mathjs.js';

provideMathjs(requireMathjs, { fallback: true });
