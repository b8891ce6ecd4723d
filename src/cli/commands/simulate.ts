import { Option, type Command } from 'commander';
import type { CliContext } from '../context.js';
import { addAllOption, addInputOptions, addOutputOptions } from '../options.js';

export function register(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('simulate')
    .description('run a test signal through the time-variant momentum filter and compare the measured gain per stage with the theory')
    .argument('[configs...]', 'YAML/JSON config files (- reads stdin)');
  addInputOptions(cmd);
  addOutputOptions(cmd, ['table', 'json', 'ndjson', 'csv'], 'the agreement report');
  addAllOption(cmd);
  cmd
    .addOption(new Option('--signal <kind>', 'input signal').choices(['noisy-sine', 'white', 'impulse', 'step', 'chirp']).default('noisy-sine'))
    .option('--steps <n>', 'signal length in steps (default: the schedule\'s steps; at most that)')
    .option('--seed <n>', 'seed of the noise (noisy-sine, white)', '0')
    .option('--frequency <omega>', 'noisy-sine frequency, rad/sample (default 2π/100: period 100 steps)')
    .option('--amplitude <a>', 'amplitude of the sine, impulse, step or chirp', '1')
    .option('--noise <sigma>', 'standard deviation of the Gaussian noise (noisy-sine 0.5, white 1)')
    .option('--f0 <omega>', 'chirp start frequency, rad/sample', '0')
    .option('--f1 <omega>', 'chirp end frequency, rad/sample (default π)')
    .option('--at-step <step>', 'impulse/step: the step it arrives at, counting from 1 as every step does (default: 1)')
    .addOption(new Option('--at <index>', 'the earlier --at-step − 1 (a 0-based sample index)').hideHelp())
    .option('--stages <list>', 'stages to report: auto, all, first, last, 0,10,299, 5..9, every:N, -1, step:S (auto: every stage up to 1000 of them unless too short to judge, else the display stages analyze shows, each measured over its steps)', 'auto')
    .option('--display-stages <n>', 'how many display stages --stages auto measures a schedule over when it has more than 1000 stages or stages too short to judge (the groups of analyze --display-stages; default: the count up to 256 that judges the most with the stated tolerance and Welch segments resolving the test sine)')
    .option('--nperseg <n>', 'largest Welch segment; shrunk per stage to a power of two ≤ samples/4', '256')
    .option('--coherence <threshold>', 'compare only frequencies whose coherence is at least this', '0.99')
    .option('--spectra', 'JSON: include each stage\'s frequencies, measured and theoretical gain, coherence')
    .option('--series <file>', 'also write step, input and each schedule\'s output (.csv, .ndjson, .json or .npy)')
    .addOption(new Option('--series-format <format>', 'format of --series (default: its extension, else csv; an extension naming another format is an error)').choices(['csv', 'ndjson', 'json', 'npy']))
    .option('--plot <file>', 'also draw the Figure-1 time series and per-stage gains (.svg, .png, .html or .vl.json)')
    .addOption(new Option('--plot-format <format>', 'format of --plot (default: its extension, else svg; an extension naming another format is an error)').choices(['svg', 'png', 'html', 'vl.json']))
    .option('--force', 'lift the output and time budgets (see "Limits" in docs/cli.md)')
    .addHelpText(
      'after',
      `
The default input is the paper's Figure 1 signal: sin(2π·t/100) + 0.5·N(0, 1), seed 0.
Agreement: over frequencies with coherence ≥ 0.99, median deviation ≤ 0.25 dB and max ≤ 1.5 dB per stage.

Examples:
  $ momentum-fr simulate configs/paper/orthodox-low-pass-increasing.yaml --set steps=20000 --set stages=10
  $ momentum-fr simulate --preset ema-sgdm --signal white --format json | jq '.schedules[0].stages[0].agreement'
  $ momentum-fr simulate configs/fsgdm-cifar100.yaml --series trace.npy --stages first,last`,
    )
    .action(async (configs: string[], options) => {
      const { simulateCommand } = await import('../actions/simulate-action.js');
      await simulateCommand(configs, options, ctx);
    });
}
