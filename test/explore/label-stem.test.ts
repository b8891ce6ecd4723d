import { describe, expect, it } from 'vitest';
import { labelStem } from '../../src/explore/label-stem.js';

describe('labelStem', () => {
  it('drops the folders and the last extension of a path', () => {
    expect(labelStem('configs/fsgdm-cifar100.yaml')).toBe('fsgdm-cifar100');
    expect(labelStem('a/b/run.v2.yaml')).toBe('run.v2');
  });

  it('drops Windows folders as well', () => {
    expect(labelStem('C:\\runs\\ema.yml')).toBe('ema');
  });

  it('keeps a name without extension and gives the empty string for a label that is all extension', () => {
    expect(labelStem('schedule')).toBe('schedule');
    expect(labelStem('.yaml')).toBe('');
  });
});
