import { describe, expect, it } from 'vitest';
import * as api from '../../../src/schedule/schedulers/index.js';

describe('schedulers/index', () => {
  it('exports the contract the schedule values build on: SchedulerValue, SCHEDULER_NAMES, runScheduler, epochOfStep', () => {
    expect(Object.keys(api).sort()).toEqual(['SCHEDULER_NAMES', 'SchedulerValue', 'epochOfStep', 'parseSchedulerValue', 'runScheduler']);
  });
});
