import { Option, type Command } from 'commander';
import type { CliContext } from '../context.js';
import { addAllOption, addGridOptions, addInputOptions, addOutputOptions } from '../options.js';

export function register(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('analyze')
    .description('per-stage frequency response and metrics of momentum schedules')
    .argument('[configs...]', 'YAML/JSON config files (- reads stdin)');
  addInputOptions(cmd);
  addGridOptions(cmd);
  addOutputOptions(cmd, ['table', 'json', 'ndjson', 'csv'], 'the analysis');
  addAllOption(cmd);
  cmd
    .option('--stages <list>', 'stages to report: auto, all, none, first, last, 0,10,299, 5..9, every:N, -1, step:S (default: auto, every stage up to 1000 of them and display stages above; none with --at-steps)')
    .option('--display-stages <n>', 'how many display stages --stages auto shows a schedule of more than 1000 stages as (each: the exact response at its last step, the min/max of its coefficients; default: 256)')
    .option('--no-response', 'metrics only: one row per stage, no frequency response')
    .addOption(new Option('--mode <mode>', 'frozen: per-stage LTI response; exact: the true time-variant response H(t, ω) at each stage end, with settlingSteps and maxDeviationDb; both; auto: frozen for stages, exact for display stages').choices(['auto', 'frozen', 'exact', 'both']).default('auto'))
    .option('--at-steps <list>', 'report the exact response at these steps, e.g. 1,100,1000 (JSON: atSteps), in place of the stage rows unless --stages asks for some too')
    .option('--out-dir <dir>', 'also write <name>.json, <name>.metrics.csv and <name>.response.csv there')
    .option('--compare', 'one table with the schedules side by side at the --stages chosen (default: the first stage, the stage at the middle step of training and the last stage of each), a block per item under a heading (items picking the same stages share one), each schedule in words above it')
    .option('--force', 'lift the output and time budgets (see "Limits" in docs/cli.md)')
    .addHelpText(
      'after',
      `
Examples:
  $ momentum-fr analyze configs/fsgdm-cifar100.yaml
  $ momentum-fr analyze configs/fsgdm-cifar100.yaml --stages first,last --format json | jq '.schedules[0].stages[].metrics.dcGain'
  $ momentum-fr analyze --preset standard-sgdm --set momentum.beta=0.99 --scale log --freqs 200 -o sgdm.csv
  $ momentum-fr analyze configs/*.yaml --no-response --format csv > metrics.csv
  $ momentum-fr analyze configs/ema-sgdm.yaml configs/standard-sgdm.yaml configs/fsgdm-cifar100.yaml --compare
  $ momentum-fr analyze configs/fsgdm-cifar100.yaml --mode both --stages first,last --at-steps 1,100,1000 --format json
  $ momentum-fr analyze configs/adam-m.yaml --display-stages 32`,
    )
    .action(async (configs: string[], options) => {
      const { analyzeCommand } = await import('../actions/analyze-action.js');
      await analyzeCommand(configs, options, ctx);
    });
}
