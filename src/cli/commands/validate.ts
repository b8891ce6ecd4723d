import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { setOption } from '../options.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('validate')
    .description('check config files and report every problem as file:line:col: key.path: message')
    .argument('<configs...>', 'YAML/JSON config files (- reads stdin)')
    .addOption(setOption())
    .option('--allow-unstable', 'accept stages with |u| ≥ 1')
    .option('-q, --quiet', 'print only problems')
    .addHelpText('after', `
Examples:
  $ momentum-fr validate configs/*.yaml
  $ momentum-fr validate my.yaml && momentum-fr analyze my.yaml
  $ momentum-fr validate my.yaml --set momentum.beta=0.99`)
    .action(async (configs: string[], options) => {
      const { validateCommand } = await import('../actions/validate-action.js');
      await validateCommand(configs, options, ctx);
    });
}
