import { Command, CommanderError } from 'commander';
import { TOOL } from '../tool.js';
import { PathError } from '../io/path-error.js';
import { PipeClosedError } from '../io/sink.js';
import { terminalOf, useColor, type CliContext } from './context.js';
import { CliError } from './errors.js';
import { ConfigError, formatIssue, OptionError } from '../schedule/issues.js';
import { registerCommands } from './commands/index.js';
import { provideMathjs } from '../schedule/mathjs-provider.js';
import { requireMathjs } from '../io/require-mathjs.js';

export interface RunIo {
  stdout?: CliContext['stdout'];
  stderr?: CliContext['stderr'];
  stdin?: CliContext['stdin'];
  env?: Record<string, string | undefined>;
  cwd?: string;
}

/**
 * The CLI as a function (ESLint's execute()): parses argv, runs one command, returns the exit code
 * (0 success, 2 invalid input or usage, 1 runtime failure). Never calls process.exit, so output
 * is flushed by the caller simply returning.
 */
export async function run(argv: string[], io: RunIo = {}): Promise<number> {
  const env = io.env ?? process.env;
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const debug = argv.includes('--debug');
  // Expressions in configs compile with mathjs, loaded only when a config has one.
  provideMathjs(requireMathjs, { fallback: true });
  // A failed write to stdout or stderr is an 'error' event, which would crash the process with a
  // stack trace if nobody listened. Keep the first one: a closed pipe (`| head`) is a normal end;
  // any other failure of stdout (`> /dev/full`) is reported once the command returns; stderr's
  // are dropped (there is nowhere left to report them).
  const failures = new Map<unknown, NodeJS.ErrnoException>();
  for (const stream of [stdout, stderr]) {
    if (stream.listenerCount('error') > 0) continue;
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (!failures.has(stream)) failures.set(stream, err);
    });
  }
  const ctx: CliContext = {
    stdout,
    stderr,
    // process.stdin is a stream Node creates on first access (a few ms): only for commands that read it.
    get stdin() {
      return io.stdin ?? process.stdin;
    },
    stdinFd: io.stdin === undefined ? 0 : undefined,
    env,
    cwd: io.cwd ?? process.cwd(),
    color: useColor(stdout, env),
    colorErr: useColor(stderr, env),
    debug,
    terminal: terminalOf(stdout, env),
  };
  let hintLeftOut = false;
  const program = new Command(TOOL.name);
  program
    .description('Frequency response of momentum schedules: what a (time-variant) momentum filter does to your gradients, stage by stage.')
    .version(TOOL.version, '-V, --version', 'print the version')
    .option('--debug', 'print stack traces on errors')
    .showSuggestionAfterError(true)
    .showHelpAfterError(HELP_HINT)
    .configureHelp({ sortSubcommands: false, showGlobalOptions: true })
    .configureOutput({
      writeOut: (s) => void stdout.write(s),
      writeErr: (s) => {
        // A choice error is one line of ours (choiceError): commander's help hint after it is left out.
        if (hintLeftOut && s === `${HELP_HINT}\n`) hintLeftOut = false;
        else stderr.write(s);
      },
      outputError: (s, write) => {
        const line = choiceError(s) ?? commanderError(s);
        if (line === undefined) return write(s);
        stderr.write(line);
        hintLeftOut = true;
      },
      getOutHasColors: () => ctx.color,
      getErrHasColors: () => ctx.colorErr,
    })
    .addHelpText(
      'after',
      `
Examples:
  $ momentum-fr analyze configs/fsgdm-cifar100.yaml                 per-stage summary table
  $ momentum-fr analyze configs/fsgdm-cifar100.yaml --format json | jq '.schedules[0].stages[-1].metrics'
  $ momentum-fr analyze --preset ema-sgdm --set momentum.beta=0.99 --stages first,last
  $ momentum-fr validate configs/*.yaml
  $ momentum-fr init fsgdm > my-schedule.yaml

Exit codes: 0 success, 2 invalid input or usage, 1 runtime failure. NO_COLOR disables colour.`,
    );
  program.exitOverride();
  registerCommands(program, ctx);
  for (const cmd of program.commands) {
    cmd.exitOverride().configureOutput(program.configureOutput());
    // Number defaults are kept as option text (parsed as any given value is), and help shows them as numbers: `default: 512`, not "512".
    for (const option of cmd.options) {
      if (typeof option.defaultValue === 'string' && option.defaultValueDescription === undefined && /^[-+]?[\d.]+(e[-+]?\d+)?(,[-+]?[\d.]+)*$/.test(option.defaultValue)) option.defaultValueDescription = option.defaultValue;
    }
  }

  let code: number;
  try {
    await program.parseAsync(argv, { from: 'user' });
    code = 0;
  } catch (err) {
    code = report(err, ctx);
  }
  // A failed write is reported by an 'error' event on a later tick: let it arrive.
  await new Promise((resolve) => setImmediate(resolve));
  const failed = failures.get(stdout);
  if (failed === undefined || failed.code === 'EPIPE' || failed.code === 'ERR_STREAM_DESTROYED' || code !== 0) return code;
  return report(new PathError('write', 'stdout', failed.code ?? 'EIO'), ctx);
}

const HELP_HINT = '(run with --help for usage)';

/**
 * Commander's other usage errors (`error: unknown option '--stage'` and its `(Did you mean
 * --stages?)` line, unknown commands, missing or excess arguments) as one line with the tool's
 * prefix, the suggestion and the help hint on it: `momentum-fr: unknown option '--stage'; Did you
 * mean --stages? (run with --help for usage)`. Undefined for text that is no such error.
 */
export function commanderError(text: string): string | undefined {
  const m = /^error: ([^\n]*)\n(?:\((Did you mean [^\n]*)\)\n)?$/.exec(text);
  if (m === null) return undefined;
  return `${TOOL.name}: ${m[1]}${m[2] ? `; ${m[2]}` : ''} ${HELP_HINT}\n`;
}

/**
 * Commander's error for a value outside an option's or argument's choices (`error: option '--mode <mode>'
 * argument 'exacto' is invalid. Allowed choices are …`) as the one line every other option error has:
 * `momentum-fr: --mode: expected one of frozen, exact, both (got "exacto")`. Undefined for other errors.
 */
export function choiceError(text: string): string | undefined {
  const option = /^error: option '([^']*)' argument '([\s\S]*)' is invalid\. Allowed choices are ([\s\S]*)\.\n$/.exec(text);
  const argument = option ? undefined : /^error: command-argument value '([\s\S]*)' is invalid for argument '([^']*)'\. Allowed choices are ([\s\S]*)\.\n$/.exec(text);
  if (option) return `${TOOL.name}: ${/--[\w-]+/.exec(option[1])?.[0] ?? option[1]}: expected one of ${option[3]} (got ${JSON.stringify(option[2])})\n`;
  if (argument) return `${TOOL.name}: <${argument[2]}>: expected one of ${argument[3]} (got ${JSON.stringify(argument[1])})\n`;
  return undefined;
}

function report(err: unknown, ctx: CliContext): number {
  if (err instanceof PipeClosedError) return 0;
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
    // Commander already printed its message; its default exit code 1 means a usage error here.
    return err.exitCode === 0 ? 0 : 2;
  }
  if (err instanceof PathError) {
    ctx.stderr.write(`momentum-fr: ${err.message}\n`);
    if (ctx.debug && err.stack) ctx.stderr.write(`${err.stack}\n`);
    return err.runtime ? 1 : 2;
  }
  if (err instanceof CliError) {
    if (!err.reported) ctx.stderr.write(`momentum-fr: ${err.message}\n`);
    if (ctx.debug && err.stack) ctx.stderr.write(`${err.stack}\n`);
    return err.exitCode;
  }
  if (err instanceof ConfigError) {
    // A library check the command did not make first: still bad input (exit 2), one line per issue.
    for (const issue of err.issues) ctx.stderr.write(`${formatIssue(err instanceof OptionError ? TOOL.name : err.source, issue)}\n`);
    return 2;
  }
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'EPIPE') return 0;
  ctx.stderr.write(`momentum-fr: ${e?.message ?? String(err)}${ctx.debug ? '' : ' (run with --debug for details)'}\n`);
  if (ctx.debug && e?.stack) ctx.stderr.write(`${e.stack}\n`);
  return 1;
}
