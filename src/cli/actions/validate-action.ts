import { PathError } from '../../io/path-error.js';
import type { CliContext } from '../context.js';
import { CliError } from '../errors.js';
import { loadSources } from '../load-schedules.js';

/** `momentum-fr validate`: every problem of every file, one per line; exit 2 if any. */
export async function validateCommand(inputs: string[], options: { set?: string[]; allowUnstable?: boolean; quiet?: boolean }, ctx: CliContext): Promise<void> {
  let failed = 0;
  for (const input of inputs) {
    try {
      const [source] = await loadSources([input], { set: options.set ?? [], allowUnstable: options.allowUnstable }, ctx);
      if (!options.quiet) {
        const stages = source.schedules.reduce((n, s) => n + s.stages.count, 0);
        ctx.stderr.write(`${source.label}: ok (${source.schedules.length} schedule${source.schedules.length === 1 ? "" : "s"}, ${stages} stage${stages === 1 ? "" : "s"})\n`);
      }
    } catch (err) {
      if (!(err instanceof CliError) && !(err instanceof PathError)) throw err;
      if (!(err instanceof CliError && err.reported)) ctx.stderr.write(`momentum-fr: ${err.message}\n`);
      failed++;
    }
  }
  if (failed > 0) throw new CliError(`${failed} of ${inputs.length} file(s) invalid`, 2, true);
}
