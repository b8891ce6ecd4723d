import { Option, type Command } from 'commander';
import type { CliContext } from '../context.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('presets')
    .description('list the momentum presets with their formulas, parameters and defaults')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .addHelpText('after', `
Examples:
  $ momentum-fr presets
  $ momentum-fr presets --format json | jq '.[].name'`)
    .action(async (options) => {
      const { presetsCommand } = await import('../actions/info-actions.js');
      await presetsCommand(options, ctx);
    });
}
