import { describe, expect, it } from 'vitest';
import { parseTuneTarget, stageIndex, TUNABLE_METRICS } from '../../src/tune/tune-target.js';
import { NUMERIC_METRICS } from '../../src/metric-names.js';

/** Ten stages of 100 steps (stage k holds steps 100k+1 … 100k+100). */
const TEN = { count: 10, startStep: Float64Array.from({ length: 10 }, (_, k) => 100 * k + 1), endStep: Float64Array.from({ length: 10 }, (_, k) => 100 * k + 100) };

describe('tune targets', () => {
  it.each([
    ['first.dcGain=2', 0],
    ['final.dcGain=2', 9],
    ['last.dcGain=2', 9],
    ['3.dcGain=2', 3],
    ['-2.dcGain=2', 8],
    ['stage:3.dcGain=2', 3],
    ['stage:-1.dcGain=2', 9],
    ['step:250.dcGain=2', 2],
  ])('%s names stage %i of ten, in the one stage grammar (stage:K kept as an alias of K)', (text, k) => {
    const t = parseTuneTarget(text);
    if ('error' in t) throw new Error(t.error);
    expect(t).toMatchObject({ stageText: text.split('.')[0], metric: 'dcGain', value: 2 });
    expect(stageIndex(t.stage, TEN)).toBe(k);
  });

  it('a stage the schedule lacks is −1, found per schedule', () => {
    const t = parseTuneTarget('step:5000.dcGain=2');
    if ('error' in t) throw new Error(t.error);
    expect(stageIndex(t.stage, TEN)).toBe(-1);
    const u = parseTuneTarget('12.dcGain=2');
    if ('error' in u) throw new Error(u.error);
    expect(stageIndex(u.stage, TEN)).toBe(-1);
    expect(stageIndex(u.stage, 13)).toBe(12);
  });

  it.each(['all.dcGain=2', 'first,last.dcGain=2', '2..3.dcGain=2', 'every:2.dcGain=2', 'middle.dcGain=2', 'dcGain=2', 'stage:x.dcGain=2'])('%s is not a target (one stage is wanted)', (text) => {
    expect(parseTuneTarget(text)).toMatchObject({ error: expect.stringContaining('is not a target') });
  });

  it('aims at the numeric metrics and the effective learning rate, with a did-you-mean', () => {
    expect(TUNABLE_METRICS).toEqual([...NUMERIC_METRICS, 'effectiveLearningRate']);
    expect(parseTuneTarget('final.filterType=1')).toMatchObject({ error: expect.stringContaining('unknown metric "filterType"') });
    expect(parseTuneTarget('final.dcgain=1')).toMatchObject({ error: expect.stringContaining('did you mean "dcGain"') });
    expect(parseTuneTarget('final.dcGain=abc')).toEqual({ error: 'target value must be a finite number (got "abc")' });
  });
});
