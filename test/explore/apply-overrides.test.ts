import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyOverridesToText, configText } from '../../src/explore/apply-overrides.js';
import { parseSchedules } from '../../src/schedule/parse.js';
import { presetDocument } from '../../src/schedule/preset-document.js';

describe('--set written into the page\'s text', () => {
  it('gives the text that parses to what parseSchedules makes of the original with the overrides', () => {
    const text = readFileSync('configs/compare-ema-standard-fsgdm.yaml', 'utf8');
    const overrides = [{ path: ['steps'], value: 5000 }];
    const written = applyOverridesToText(text, overrides);
    expect(parseSchedules(written).configs).toEqual(parseSchedules(text, { overrides }).configs);
    expect(written.startsWith('# Three schedules in one file')).toBe(true);
    const sgdm = readFileSync('configs/standard-sgdm.yaml', 'utf8');
    const beta = [{ path: ['beta'], value: 0.8 }, { path: ['momentum', 'beta'], value: 0.7 }];
    expect(parseSchedules(applyOverridesToText(sgdm, beta)).configs).toEqual(parseSchedules(sgdm, { overrides: beta }).configs);
  });

  it('a bare name is resolved per schedule; where it means nothing (fsgdm has no beta) the text is left alone, as parseSchedules reports it', () => {
    const text = readFileSync('configs/compare-ema-standard-fsgdm.yaml', 'utf8');
    const written = applyOverridesToText(text, [{ path: ['beta'], value: 0.5 }]);
    expect(written).toContain('momentum: { preset: ema-sgdm, beta: 0.5 }');
    expect(written).toContain('momentum: { preset: fsgdm, c: 0.033, v: 1 }');
    expect(parseSchedules(text, { overrides: [{ path: ['beta'], value: 0.5 }] }).issues.map((i) => i.message)).toEqual([expect.stringMatching(/unknown parameter "beta"/)]);
  });

  it('no overrides: the text as it was; a preset\'s document as YAML parses to that document', () => {
    expect(applyOverridesToText('steps: 1 # x\n', [])).toBe('steps: 1 # x\n');
    const doc = presetDocument('fsgdm');
    expect(parseSchedules(configText(doc)).configs).toEqual(parseSchedules(JSON.stringify(doc)).configs);
  });
});
