import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { addInputOptions, addOutputOptions } from '../options.js';

export function register(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('coefficients')
    .description('the per-step momentum coefficients (step, stage, u, v), steps numbered from 1 as optimizers count them')
    .argument('[config]', 'YAML/JSON config file (- reads stdin)');
  addInputOptions(cmd);
  addOutputOptions(cmd, ['csv', 'json', 'ndjson'], 'the coefficients');
  cmd
    .option('--runs', 'one row per run of equal coefficients (stage) instead of one per step')
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
