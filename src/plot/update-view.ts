import { updateResponse } from '../filter/update-response.js';
import { OptionError } from '../schedule/issues.js';
import type { Schedule } from '../types.js';
import type { ResponseRecords } from './response-records.js';

/**
 * The curve records of the update view: each stage's frozen and exact response replaced by α_k·|H|
 * (magnitude and dB; phase and group delay stay H's, which α > 0 does not change). `lr` is the
 * schedule's learning rate per stage.
 */
export function updateRecords(records: ResponseRecords, lr: Float64Array): ResponseRecords {
  return {
    ...records,
    stages: records.stages.map((s) => {
      const alpha = lr[s.index];
      const scaled = { ...s };
      if (s.response) scaled.response = { ...s.response, ...updateResponse(s.response, alpha) };
      if (s.responseExact) scaled.responseExact = { ...s.responseExact, ...updateResponse(s.responseExact, alpha) };
      return scaled;
    }),
  };
}

/** The learning rate of a schedule drawn in the update view; an OptionError when it has none. */
export function learningRateOf(schedule: Schedule): Float64Array {
  if (schedule.lr === undefined) {
    throw new OptionError([{ code: 'invalid_option', path: ['view'], message: `the update view needs a learning rate: schedule ${schedule.name} has no lr`, received: 'update' }]);
  }
  return schedule.lr;
}
