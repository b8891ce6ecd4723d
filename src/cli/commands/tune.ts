import { InvalidArgumentError, Option, type Command } from 'commander';
import type { CliContext } from '../context.js';
import { addInputOptions } from '../options.js';

export function register(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('tune')
    .description('solve for one config value so that a stage metric hits a target (bracketing + Brent root finding)')
    .argument('[config]', 'YAML/JSON config with one schedule (- reads stdin)');
  addInputOptions(cmd, 'config');
  cmd
    .requiredOption('--solve <path>', 'the value to solve for, by dot path (momentum.c, momentum.beta, c)')
    .requiredOption('--target <stage.metric=value>', 'stage (first, final/last, K or stage:K, step:S) and analyze metric name, e.g. final.dcGain=30.992')
    .option('--range <lo:hi>', 'search only here (default: step out from the config\'s current value)')
    .option('--xtol <dx>', 'absolute tolerance on the solution (default: full double precision)')
    // `table`, as every other command calls its text output; the earlier `text` is still accepted.
    .addOption(new Option('-f, --format <format>', 'output format (choices: "table", "json")').argParser(tuneFormat).default('table'))
    .option('--force', 'lift the time budget (see "Limits" in docs/cli.md)')
    .addHelpText(
      'after',
      `
Examples:
  $ momentum-fr tune --preset fsgdm --solve momentum.c --target final.dcGain=30.992 --set momentum.v=1
  $ momentum-fr tune --preset standard-sgdm --solve momentum.beta --target first.cutoffFrequency=0.1 --format json
  $ momentum-fr tune configs/ema-sgdm.yaml --solve beta --target last.noiseGain=0.01 --range 0:0.999

Exit codes: 0 solved, 1 no solution in the range, 2 invalid input.`,
    )
    .action(async (config: string | undefined, options) => {
      const { tuneCommand } = await import('../actions/tune-action.js');
      await tuneCommand(config, options, ctx);
    });
}

function tuneFormat(value: string): 'table' | 'json' {
  if (value === 'table' || value === 'text') return 'table';
  if (value === 'json') return 'json';
  // Commander's own wording for choices, so the error is the one line of every choice (main.ts choiceError).
  throw new InvalidArgumentError('Allowed choices are table, json.');
}
