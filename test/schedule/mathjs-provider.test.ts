import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Mathjs } from '../../src/schedule/mathjs-provider.js';

// Each test gets a fresh module (the provider is module state), past the setup file's provider.
let provider: typeof import('../../src/schedule/mathjs-provider.js');
beforeEach(async () => {
  vi.resetModules();
  provider = await import('../../src/schedule/mathjs-provider.js');
});

const fake = (tag: string): Mathjs => ({ create: () => ({ tag }), all: tag });

describe('provideMathjs / providedMathjs (where the expression sandbox gets mathjs)', () => {
  it('without a provider, asking for mathjs is a programmer error that names the entry points', () => {
    expect(() => provider.providedMathjs()).toThrow(/import the library from "momentum-fr" \(or "momentum-fr\/node"\), or call provideMathjs\(\)/);
  });

  it('runs the loader once, on first use', () => {
    const load = vi.fn(() => fake('a'));
    provider.provideMathjs(load);
    expect(load).not.toHaveBeenCalled();
    const first = provider.providedMathjs();
    expect(provider.providedMathjs()).toBe(first);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('a fallback loader (the Node entry points\') never replaces one already provided; a plain one does', () => {
    provider.provideMathjs(() => fake('static'));
    provider.provideMathjs(() => fake('lazy'), { fallback: true });
    expect(provider.providedMathjs().all).toBe('static');
    provider.provideMathjs(() => fake('other'));
    expect(provider.providedMathjs().all).toBe('other');
  });

  it('a fallback loader is used when it is the only one', () => {
    provider.provideMathjs(() => fake('lazy'), { fallback: true });
    expect(provider.providedMathjs().all).toBe('lazy');
  });

  it('compiling an expression with no mathjs provided throws that programmer error, not an ExpressionError about the expression', async () => {
    const { compileExpression, ExpressionError } = await import('../../src/schedule/expression.js');
    let thrown: unknown;
    try {
      compileExpression('t + 1', new Set(['t']));
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown).not.toBeInstanceOf(ExpressionError);
    expect((thrown as Error).message).toMatch(/^momentum-fr: no mathjs to compile expressions with/);
  });
});
