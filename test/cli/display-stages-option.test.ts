import { describe, expect, it } from 'vitest';
import { DEFAULT_DISPLAY_STAGES } from '../../src/analysis/display-stages.js';
import { parseDisplayStages } from '../../src/cli/display-stages-option.js';
import { CliError } from '../../src/cli/errors.js';
import { LIMITS } from '../../src/schedule/limits.js';

describe('--display-stages N (analyze, simulate, spectrum)', () => {
  it('is the default when not given, and any whole number from 1 to the stage limit', () => {
    expect(parseDisplayStages(undefined)).toBe(DEFAULT_DISPLAY_STAGES);
    expect([parseDisplayStages('1'), parseDisplayStages('18'), parseDisplayStages(String(LIMITS.maxStages))]).toEqual([1, 18, LIMITS.maxStages]);
  });

  it('refuses 0, fractions, words and numbers past the limit with a usage error naming the bounds', () => {
    for (const text of ['0', '-3', '2.5', 'many', '', String(LIMITS.maxStages + 1)]) {
      expect(() => parseDisplayStages(text), text).toThrow(CliError);
      expect(() => parseDisplayStages(text), text).toThrow(`--display-stages: expected a whole number from 1 to ${LIMITS.maxStages}`);
    }
  });
});
