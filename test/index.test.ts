import { describe, expect, it } from 'vitest';
import { evaluate, expressionScript } from './support/library-entry.js';

// Stage k of 4 over 100 steps starts at t = 25k + 1 (steps from 1): u = t / (t + 100).
const U = [1, 26, 51, 76].map((t) => t / (t + 100));

describe('momentum-fr for bundlers and browsers (src/index.ts, dist/index.js)', () => {
  it('compiles config expressions with the mathjs it imports statically, and loads no CLI package', async () => {
    const got = (await evaluate(expressionScript('./dist/index.js'))) as Record<string, unknown>;
    // The static import is mathjs' ES build: nothing in require's (CommonJS) cache.
    expect(got).toEqual({ issues: 0, u: U, mathjsBefore: false, mathjsAfter: false, commander: false, chalk: false, vega: false });
  });
});
