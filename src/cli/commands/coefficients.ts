import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { addAllOption, addInputOptions, addOutputOptions } from '../options.js';

export function register(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('coefficients')
    .description('the momentum coefficients every optimizer step applies (u, v; a filter bank\'s u1, v1, c1, … with bias correction, c0; a rational filter\'s b0, a1, …; v = 1 at a first-step copy; lr when given), steps numbered from 1 as optimizers count them')
    .argument('[config]', 'YAML/JSON config file (- reads stdin)');
  addInputOptions(cmd);
  addOutputOptions(cmd, ['csv', 'json', 'ndjson'], 'the coefficients (on a terminal, without --format: a table)');
  addAllOption(cmd);
  cmd
    .option('--runs', 'one row per run of steps whose every coefficient is equal, instead of one per step')
    .option('--force', 'lift the output budget (see "Limits" in docs/cli.md)')
    .addHelpText(
      'after',
      `
Examples:
  $ momentum-fr coefficients configs/fsgdm-cifar100.yaml | head
  $ momentum-fr coefficients --preset fsgdm --set momentum.c=0.05 --format json -o u.json
  $ momentum-fr coefficients configs/fsgdm-cifar100.yaml --runs`,
    )
    .action(async (config: string | undefined, options) => {
      const { coefficientsCommand } = await import('../actions/coefficients-action.js');
      await coefficientsCommand(config ? [config] : [], options, ctx);
    });
}
