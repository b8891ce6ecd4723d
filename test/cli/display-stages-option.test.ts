import { describe, expect, it } from 'vitest';
import { DEFAULT_DISPLAY_STAGES } from '../../src/analysis/display-stages.js';
import { parseDisplayStages } from '../../src/cli/display-stages-option.js';
import { CliError } from '../../src/cli/errors.js';
import { LIMITS } from '../../src/schedule/limits.js';

describe('--display-stages N', () => {
  it('a whole number from 1 to the stage limit is taken as it is; none given is the default count', () => {
    expect(parseDisplayStages('1')).toBe(1);
    expect(parseDisplayStages('18')).toBe(18);
    expect(parseDisplayStages(String(LIMITS.maxStages))).toBe(LIMITS.maxStages);
    expect(parseDisplayStages(undefined)).toBe(DEFAULT_DISPLAY_STAGES);
  });

  it('anything else is a usage error naming the option, the range and what was given', () => {
    for (const bad of ['0', '-3', '2.5', 'many', '', String(LIMITS.maxStages + 1)]) {
      expect(() => parseDisplayStages(bad)).toThrow(CliError);
      expect(() => parseDisplayStages(bad)).toThrow(`--display-stages: expected a whole number from 1 to ${LIMITS.maxStages}`);
    }
  });
});
