import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { addInputOptions } from '../options.js';

export function register(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('explore')
    .description('an interactive page: sliders for every parameter, live responses, metrics and the YAML, computed in the browser (offline)')
    .argument('[configs...]', 'YAML/JSON config files');
  addInputOptions(cmd);
  cmd
    .option('-o, --output <file>', 'write the page to this file (default: <config>-explore.html)')
    .option('--serve', 'serve the page on 127.0.0.1 and follow changes of the config files (Ctrl-C stops)')
    .option('--port <n>', 'port for --serve (0 picks a free one; default 8737)')
    .addHelpText(
      'after',
      `
Examples:
  $ momentum-fr explore configs/fsgdm-cifar100.yaml -o fsgdm.html
  $ momentum-fr explore configs/compare-ema-standard-fsgdm.yaml
  $ momentum-fr explore --preset fsgdm --set c=0.05 -o fsgdm.html
  $ momentum-fr explore my.yaml --serve --port 8080`,
    )
    .action(async (configs: string[], options) => {
      const { exploreCommand } = await import('../actions/explore-action.js');
      await exploreCommand(configs, options, ctx);
    });
}
