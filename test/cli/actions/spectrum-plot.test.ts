import { describe, expect, it } from 'vitest';
import { MIN_STAGE_SAMPLES, spreadReachedStages } from '../../../src/cli/actions/spectrum-plot.js';
import { scheduleOf } from '../../plot/support.js';

// FSGDM, 8 stages of 390 steps (the last one short): stage 8 starts at step 3120.
const schedule = scheduleOf('name: f\nsteps: 3510\nstages: 9\nmomentum:\n  preset: fsgdm\n');

describe('spreadReachedStages', () => {
  it('a trace that ends one step into a stage does not get an empty panel for it: the stage is named as too short', () => {
    const start = schedule.stages.startStep[8];
    const { stages, short } = spreadReachedStages(schedule, start);
    expect(short).toEqual([8]);
    expect(stages).toEqual([0, 2, 4, 7]); // first, two evenly between, last of the 8 full stages
  });

  it('a stage the trace covers for MIN_STAGE_SAMPLES steps is drawn; stages the trace does not reach are neither', () => {
    const start = schedule.stages.startStep[8];
    expect(spreadReachedStages(schedule, start + MIN_STAGE_SAMPLES - 1)).toEqual({ stages: [0, 2, 5, 8], short: [] });
    expect(spreadReachedStages(schedule, 389)).toEqual({ stages: [0], short: [] }); // stage 0 is steps 1–389
  });
});
