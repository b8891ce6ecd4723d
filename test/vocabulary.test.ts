import { describe, expect, it } from 'vitest';
import { LIBRARY_VOCABULARY } from '../src/vocabulary.js';

describe('the library vocabulary', () => {
  it('names every knob with words of the library API, never a command-line flag', () => {
    for (const [knob, words] of Object.entries(LIBRARY_VOCABULARY)) {
      expect(words, knob).not.toBe('');
      expect(words, knob).not.toMatch(/(^|\s)--[a-z]/);
      expect(words, knob).not.toMatch(/momentum-fr [a-z]/);
    }
  });
});
