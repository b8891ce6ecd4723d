import { describe, expect, it } from 'vitest';
import { deferredModule } from '../../src/explore/page/deferred-module.js';

describe('deferredModule: a module carried as text, run on first use', () => {
  it('runs the body only when first asked, once, and returns its exports', () => {
    (globalThis as { runs?: number }).runs = 0;
    const load = deferredModule<{ answer: number }>('globalThis.runs++; var m = (() => ({ answer: 42 }))(); return m;');
    expect((globalThis as { runs?: number }).runs).toBe(0);
    const first = load();
    expect(first).toEqual({ answer: 42 });
    expect(load()).toBe(first);
    expect((globalThis as { runs?: number }).runs).toBe(1);
  });

  it('keeps the body\'s top-level names out of the global scope', () => {
    deferredModule<number>('var hiddenName = 1; return hiddenName;')();
    expect('hiddenName' in globalThis).toBe(false);
  });
});
