/**
 * A failure to report as one line on stderr, with its exit code:
 * 2 for invalid input or usage, 1 for a runtime failure (signals end the process in io/interrupt.ts).
 * `reported` means the details were already written (e.g. every config issue, one per line).
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
    readonly reported = false,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
