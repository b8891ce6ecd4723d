export { SchedulerValue, SCHEDULER_NAMES, type SchedulerSpec } from './scheduler-value.js';
export { parseSchedulerValue } from './parse-scheduler-value.js';
export { runScheduler, type SchedulerRun } from './run-scheduler.js';
export { epochOfStep } from './scheduler.js';
