import { describe, expect, it } from 'vitest';
import { evaluate, expressionScript } from './support/library-entry.js';

describe('momentum-fr in Node.js (src/index-node.ts, package.json "exports" "node" condition)', () => {
  it('resolves `momentum-fr` to the Node entry, which loads mathjs only when a config first has an expression', async () => {
    const got = (await evaluate(expressionScript('momentum-fr'))) as Record<string, unknown>;
    expect(got).toEqual({ issues: 0, u: [1, 26, 51, 76].map((t) => t / (t + 100)), mathjsBefore: false, mathjsAfter: true, commander: false, chalk: false, vega: false });
  });
});
