/**
 * Hard limits, checked before anything is allocated, so that an absurd config gets a clear error
 * instead of an out-of-memory crash. Each is far above any real training run.
 */
export const LIMITS = {
  /** Gradient steps of one schedule (10¹²: safe-integer arithmetic on step numbers stays exact). */
  maxSteps: 1e12,
  /** Stages of one schedule (each costs 32 bytes of typed arrays). */
  maxStages: 10_000_000,
  /** Points on a frequency grid. */
  maxFrequencies: 1_000_000,
  /** Size of one config file. */
  maxConfigBytes: 10 * 1024 * 1024,
  /** Nesting depth of YAML/JSON input. */
  maxDepth: 64,
  /** YAML aliases per document (refuses "billion laughs" alias bombs). */
  maxAliases: 100,
  /** Schedules in one file. */
  maxSchedules: 1000,
} as const;
