import { Option, type Command } from 'commander';
import type { CliContext } from '../context.js';
import { addAllOption, addInputOptions, addOutputOptions } from '../options.js';

export function register(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('sweep')
    .description('per-stage metrics over a grid of parameter values (any numeric config value, by dot path)')
    .argument('[config]', 'YAML/JSON config with one schedule (- reads stdin); its `sweep:` block gives the grid when no --grid does');
  addInputOptions(cmd, 'config');
  addOutputOptions(cmd, ['csv', 'ndjson', 'json'], 'the rows (on a terminal, without --format: a table)');
  addAllOption(cmd);
  cmd
    .addOption(new Option('-g, --grid <path=values>', 'a swept value: path=from:to:count, path=from:to:count:log or path=a,b,c (repeatable: Cartesian product, last varies fastest)').argParser(collect).default([], 'the config\'s sweep: block'))
    .option('--stages <list>', 'stages to report per point: first, last, all, K, a..b, every:N, step:S (default: the sweep block\'s, else first,last)')
    .option('--at-freqs <list>', 'also report |H| at these frequencies, rad/sample: 0.01,0.1,pi/2')
    .option('-j, --jobs <n>', 'threads computing points: this one and n − 1 workers (default: the available cores for large sweeps, else 1)')
    .option('--skip-invalid', 'report invalid points (e.g. an unstable stage) on stderr and skip them, instead of stopping before any output')
    .option('--no-progress', 'never show the progress bar (it only appears on a terminal, for sweeps longer than a second)')
    .option('--plot <file>', 'also plot the sweep: .svg, .png, .html or .vl.json (heatmap for two swept paths, lines for one)')
    .addOption(new Option('--plot-format <format>', 'format of --plot (default: its extension, else svg; an extension naming another format is an error)').choices(['svg', 'png', 'html', 'vl.json']))
    .option('--plot-metric <name>', 'metric to plot: a numeric analyze metric (dcGain, cutoffFrequency, …; with lr also lr, effectiveLearningRate)', 'dcGain')
    .option('--plot-stage <stage>', 'which stage the plot shows: first, last, an index or step:S', 'last')
    .option('--contour <level>', 'heatmap: draw the contour where the metric equals this value')
    .option('--force', 'lift the output and time budgets (see "Limits" in docs/cli.md)')
    .addHelpText(
      'after',
      `
Examples:
  $ momentum-fr sweep --preset standard-sgdm --grid momentum.beta=0.5:0.99:50 --stages last
  $ momentum-fr sweep --preset fsgdm --grid momentum.c=0.01:0.1:10:log --grid momentum.v=0.5,1,2 -o cv.csv
  $ momentum-fr sweep configs/fsgdm-cifar100.yaml --grid momentum.c=0.02:0.05:4 --at-freqs 0.01,pi/2 --format ndjson | jq .dcGain
  $ momentum-fr sweep --preset fsgdm --grid c=0.01:0.1:40:log --grid v=0.25:2:40 --stages last --plot cv.svg --contour 30.992`,
    )
    .action(async (config: string | undefined, options) => {
      const { sweepCommand } = await import('../actions/sweep-action.js');
      await sweepCommand(config, options, ctx);
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
