import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('schema')
    .description('print the JSON Schema of config files (for editor validation and completion)')
    .option('-o, --output <file>', 'write it to a file instead of stdout')
    .addHelpText('after', `
Examples:
  $ momentum-fr schema -o momentum-fr.schema.json
  # then, first line of a YAML file, for the YAML language server:
  # yaml-language-server: $schema=./momentum-fr.schema.json`)
    .action(async (options) => {
      const { schemaCommand } = await import('../actions/info-actions.js');
      await schemaCommand(options, ctx);
    });
}
