import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('init')
    .description('print a commented starter config (a preset, or custom u/v expressions)')
    .argument('[preset]', 'preset name (see `momentum-fr presets`); omit for custom expressions')
    .option('-o, --output <file>', 'write it to a file instead of stdout')
    .addHelpText('after', `
Examples:
  $ momentum-fr init fsgdm > fsgdm.yaml
  $ momentum-fr init > custom.yaml`)
    .action(async (preset: string | undefined, options) => {
      const { initCommand } = await import('../actions/info-actions.js');
      await initCommand(preset, options, ctx);
    });
}
