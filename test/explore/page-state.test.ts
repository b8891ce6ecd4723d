import { describe, expect, it } from 'vitest';
import { parseStateHash, stateHash, type PageState } from '../../src/explore/page-state.js';

const state: PageState = { text: 'name: β→ü « » </script>\nsteps: 10\n', figure: 'phase', position: 0.25, allowUnstable: true };
const defaults: PageState = { text: 'default', figure: 'magnitude', position: 1, allowUnstable: false };

describe('the page state in the URL hash', () => {
  it('round-trips any text (UTF-8, quotes, markup) and every field', () => {
    expect(parseStateHash(stateHash(state), defaults)).toEqual(state);
  });

  it('is URL-safe base64 of the JSON (no +, / or =, nothing to escape)', () => {
    const hash = stateHash(state);
    expect(hash).toMatch(/^#[A-Za-z0-9_-]+$/);
    const json = Buffer.from(hash.slice(1), 'base64url').toString('utf8');
    expect(JSON.parse(json)).toEqual(state);
  });

  it('an empty or foreign hash is no state; bad fields take their defaults', () => {
    expect(parseStateHash('', defaults)).toBeUndefined();
    expect(parseStateHash('#', defaults)).toBeUndefined();
    expect(parseStateHash('#section-2', defaults)).toBeUndefined();
    const odd = `#${Buffer.from(JSON.stringify({ text: 'x', figure: 'pie', position: 7, allowUnstable: 'yes' })).toString('base64url')}`;
    expect(parseStateHash(odd, defaults)).toEqual({ ...defaults, text: 'x' });
  });
});
