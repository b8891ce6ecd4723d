import { Option, type Command } from 'commander';
import type { CliContext } from '../context.js';
import { addAllOption, addInputOptions, addOutputOptions } from '../options.js';
import { windowHelp } from '../window-help.js';

export function register(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('spectrum')
    .description('power spectrum (Welch) or spectrogram of a gradient trace, and with a schedule, what momentum does to it per stage')
    .argument('<trace>', 'trace file: .csv/.tsv, .ndjson/.jsonl, .json or .npy (- reads stdin)')
    .addOption(new Option('-c, --column <name>', 'series to analyse, by name or 0-based index (repeatable)').argParser(collect).default([], 'all'))
    .addOption(new Option('--trace-format <format>', 'trace format (default: from the extension, else sniffed)').choices(['csv', 'ndjson', 'json', 'npy']))
    .addOption(new Option('--nonfinite <policy>', 'NaN or ±Inf samples: error (exit 2, naming where) or drop (leave out, count on stderr)').choices(['error', 'drop']).default('error'));
  addOutputOptions(cmd, ['table', 'json', 'ndjson', 'csv'], 'the spectrum');
  addAllOption(cmd);
  cmd
    .option('--spectrogram', 'short-time spectra (scipy.signal.spectrogram) instead of the Welch average')
    .addOption(new Option('--fs <rate>', 'sampling frequency: frequencies come out in its units (default 1: cycles/sample)'))
    .option('--window <spec>', 'window: NAME or NAME:PARAM:…, any of scipy.signal.get_window\'s (below); default hann, spectrogram tukey:0.25 (scipy\'s defaults)')
    .option('--nperseg <n>', 'samples per segment (capped at the trace length)', '256')
    .option('--noverlap <n>', 'samples shared by consecutive segments (default nperseg//2; spectrogram nperseg//8)')
    .option('--nfft <n>', 'FFT length ≥ nperseg (zero-padding; default nperseg)')
    .addOption(new Option('--detrend <type>', 'trend removed from each segment').choices(['constant', 'linear', 'none']).default('constant'))
    .addOption(new Option('--scaling <scaling>', 'density (units²/fs) or spectrum (units²)').choices(['density', 'spectrum']).default('density'))
    .addOption(new Option('--average <method>', 'how Welch averages segments').choices(['mean', 'median']).default('mean'))
    .option('--no-onesided', 'two-sided spectrum (FFT order), as return_onesided=False');
  cmd.option('--config <file>', 'schedule: split the trace into its stages and report energy below/above --split before and after momentum');
  addInputOptions(cmd, '--config');
  cmd
    .option('--display-stages <n>', 'with a schedule of more than 1000 stages (a per-step one): how many display stages (analyze\'s groups of whole stages) to measure over (default: the count up to 256 that leaves the most long enough to resolve --split)')
    .option('--split <f>', 'frequency (units of fs) that separates low from high frequencies for --config (default fs/100)')
    .option('--plot <file>', 'also draw the spectra (.svg, .png, .html or .vl.json)')
    .addOption(new Option('--plot-format <format>', 'format of --plot (default: its extension, else svg; an extension naming another format is an error)').choices(['svg', 'png', 'html', 'vl.json']))
    .option('--force', 'lift the output and time budgets (see "Limits" in docs/cli.md)')
    .addHelpText(
      'after',
      `
Options and defaults are those of scipy.signal.welch and scipy.signal.spectrogram, and the
numbers equal scipy's within 1e-10 relative.

${windowHelp()}

Examples:
  $ momentum-fr spectrum grads.npy --format json | jq '.series[0].psd | length'
  $ momentum-fr spectrum grads.csv --column loss --nperseg 1024 --window hamming --format csv > psd.csv
  $ momentum-fr spectrum metrics.csv --column train_loss --window tukey:0.25 --nonfinite drop
  $ momentum-fr spectrum grads.npy --config configs/fsgdm-cifar100.yaml --split 0.01
  $ momentum-fr spectrum grads.npy --spectrogram --nperseg 128 --format csv`,
    )
    .action(async (trace: string, options) => {
      const { spectrumCommand } = await import('../actions/spectrum-action.js');
      await spectrumCommand(trace, options, ctx);
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
