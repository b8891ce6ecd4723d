import { describe, expect, it } from 'vitest';
import * as lib from '../src/index.js';
import { ConfigError, OptionError } from '../src/index.js';
import { parseConfig as parseConfigImpl } from '../src/schedule/parse.js';

const CONFIG = { name: 'ema', steps: 300, momentum: { preset: 'ema-sgdm', beta: 0.9 } };
const schedule = () => parseConfigImpl(CONFIG).schedules[0];
const x = () => Float64Array.from({ length: 512 }, (_, i) => Math.sin(i * 0.3) + ((i * 7919) % 13) / 13);

/** The OptionError a call throws, as its issues' paths and messages. */
function refused(call: () => unknown): { path: (string | number)[]; message: string }[] {
  try {
    call();
  } catch (e) {
    expect(e).toBeInstanceOf(OptionError);
    expect(e).toBeInstanceOf(ConfigError);
    return (e as OptionError).issues.map(({ path, message }) => ({ path, message }));
  }
  throw new Error('no OptionError thrown');
}

describe('library functions refuse option names they do not know', () => {
  it('analyze(cfg, { stage, freqs }): both keys refused in one OptionError, "stage" with the closest known key "stages"', () => {
    const issues = refused(() => lib.analyze(CONFIG, { stage: 'last', freqs: 4 } as never));
    expect(issues.map((i) => i.path)).toEqual([['stage'], ['freqs']]);
    expect(issues[0].message).toMatch(/^unknown option \(did you mean "stages"\?\); known: /);
    expect(() => lib.analyze(CONFIG, { bogusOption: 1 } as never)).toThrow(/options: bogusOption: unknown option; known: frequencies, stages, /);
  });

  it('analyze still takes every documented option (its own and parseSchedules\')', () => {
    const r = lib.analyze(CONFIG, { stages: 'last', response: false, displayStages: 10, mode: 'frozen', allowUnstable: false, defaultName: 'x' });
    expect(r.schedules[0].stages.map((s) => s.index)).toEqual([0]);
  });

  const cases: [name: string, call: (bad: Record<string, unknown>) => unknown, typo: string, closest: string][] = [
    ['stageRecords', (o) => [...lib.stageRecords(schedule(), o as never)], 'stage', 'stages'],
    ['stageReportOf', (o) => lib.stageReportOf(schedule(), o as never), 'displayStage', 'displayStages'],
    ['parseSchedules', (o) => lib.parseSchedules('steps: 10\nmomentum: {u: 0.5, v: 1}\n', o as never), 'allowUnstabe', 'allowUnstable'],
    ['parseConfig', (o) => lib.parseConfig(CONFIG, o as never), 'defaultname', 'defaultName'],
    ['exactStepResponses', (o) => lib.exactStepResponses(schedule(), new Float64Array([0, 1]), o as never), 'paths', 'path'],
    ['resolvePlotOptions', (o) => lib.resolvePlotOptions(o as never), 'widht', 'width'],
    ['welchPsd', (o) => lib.welchPsd(x(), o as never), 'npserseg', 'nperseg'],
    ['welchPsdChunks', (o) => lib.welchPsdChunks([x()], 512, o as never), 'noverlapp', 'noverlap'],
    ['csd', (o) => lib.csd(x(), x(), o as never), 'scalling', 'scaling'],
    ['csdChunks', (o) => lib.csdChunks([[x(), x()]], 512, o as never), 'windw', 'window'],
    ['coherence', (o) => lib.coherence(x(), x(), o as never), 'nfftt', 'nfft'],
    ['coherenceChunks', (o) => lib.coherenceChunks([[x(), x()]], 512, o as never), 'detrned', 'detrend'],
    ['spectrogram', (o) => lib.spectrogram(x(), o as never), 'mod', 'mode'],
    ['spectrogramChunks', (o) => lib.spectrogramChunks([x()], 512, o as never), 'fss', 'fs'],
    ['empiricalGain', (o) => lib.empiricalGain(x(), x(), o as never), 'returnOneSide', 'returnOnesided'],
    ['stageComparison', (o) => lib.stageComparison(schedule(), x(), x(), 0, o as never), 'coherenceTreshold', 'coherenceThreshold'],
    ['simulateSchedule', (o) => lib.simulateSchedule(schedule(), x(), [0], o as never), 'npersg', 'nperseg'],
    ['stagePsdRecords', (o) => lib.stagePsdRecords(schedule(), x(), x(), [0], o as never), 'averge', 'average'],
    ['sweepJob', (o) => lib.sweepJob(CONFIG as never, [], { stages: 'last', atFreqs: [], format: 'csv', allowUnstable: false, skipInvalid: false, ...o } as never), 'skipInvalids', 'skipInvalid'],
  ];
  it.each(cases)('%s names the unknown key and the closest known one', (_name, call, typo, closest) => {
    const issues = refused(() => call({ [typo]: 1 }));
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toEqual([typo]);
    expect(issues[0].message).toContain(`(did you mean "${closest}"?)`);
  });

  it('an atSteps step outside the schedule names the schedule once, quoted, not "(schedule schedule)"', () => {
    const unnamed = parseConfigImpl({ steps: 300, momentum: { preset: 'ema-sgdm', beta: 0.9 } }).schedules[0];
    expect(() => lib.atStepRecords(unnamed, new Float64Array([0]), [500])).toThrow(`options: atSteps: step 500 is outside the steps of schedule "${unnamed.name}", 1..300 (got 500)`);
  });
});

describe('OptionError messages name a schedule once, quoted', () => {
  it('a stage selection outside an unnamed schedule reads (schedule "schedule"), not (schedule schedule)', () => {
    const unnamed = parseConfigImpl({ steps: 300, momentum: { preset: 'ema-sgdm', beta: 0.9 } }).schedules[0];
    expect(() => lib.analyze({ steps: 300, momentum: { preset: 'ema-sgdm', beta: 0.9 } }, { stages: '7' })).toThrow(
      `options: stages: stage 7 does not exist: the schedule has stages 0..0 (schedule "${unnamed.name}")`,
    );
  });
});
