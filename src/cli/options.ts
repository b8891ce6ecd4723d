import { Option, type Command } from 'commander';

/**
 * Options shared by every command that reads schedules. `one`: the command works on one schedule
 * (sweep, tune, coefficients: a config or a preset; spectrum: its --config or a preset), and --preset's
 * help says so.
 */
export function addInputOptions(cmd: Command, one?: 'config' | '--config'): Command {
  const preset = one === undefined
    ? 'analyse a preset instead of (or besides) config files; see `momentum-fr presets`'
    : `use a preset as the schedule, instead of ${one === 'config' ? 'a config file' : '--config'}; see \`momentum-fr presets\``;
  return cmd
    .option('-p, --preset <name>', preset)
    .addOption(setOption())
    .option('--allow-unstable', 'accept stages with |u| ≥ 1 (marginal or unstable filters)');
}

/** `--set key.path=value`, repeatable: every command that reads configs has it (validate too). */
export function setOption(): Option {
  return new Option('-s, --set <key=value>', 'override a config value by dot path, e.g. momentum.beta=0.99 (repeatable)').argParser(collect).default([], 'none');
}

/** Frequency grid options (ω in rad/sample on [0, π]). */
export function addGridOptions(cmd: Command): Command {
  return cmd
    .option('-n, --freqs <count>', 'number of frequencies', '512')
    .addOption(new Option('--scale <scale>', 'grid spacing: linear on [0, π] (both ends), or log on [fmin, π]').choices(['linear', 'log']).default('linear'))
    .option('--fmin <omega>', 'lowest frequency of a log grid, rad/sample', '1e-4')
    .addOption(new Option('--units <unit>', 'frequency unit for display: rad (rad/sample), cycles (cycles/step), period (steps)').choices(['rad', 'cycles', 'period']).default('rad'));
}

export function addOutputOptions(cmd: Command, formats: string[], what: string): Command {
  return cmd
    .addOption(new Option('-f, --format <format>', `output format (default: the -o extension; else ${formats[0]}, also for an -o without one: a device, a FIFO, -; an extension naming another format is an error)`).choices(formats))
    .option('-o, --output <file>', `write ${what} to a file (atomically) instead of stdout; - is stdout`);
}

/** --all: a table on a terminal is summarised when long (terminal-table.ts); pipes and files get every row anyway. */
export function addAllOption(cmd: Command): Command {
  return cmd.option('--all', 'on a terminal, print every row of a long table (pipes and files always get every row)');
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export interface InputOptions {
  preset?: string;
  set: string[];
  allowUnstable?: boolean;
}

export interface GridOptions {
  freqs: string;
  scale: 'linear' | 'log';
  fmin: string;
  units: 'rad' | 'cycles' | 'period';
}

export interface OutputOptions {
  format?: string;
  output?: string;
}
