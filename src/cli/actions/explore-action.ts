import { resolve } from 'node:path';
import { applyOverridesToText, configText } from '../../explore/apply-overrides.js';
import { embedTables, MAX_PAGE_TABLE_VALUES } from '../../explore/embed-tables.js';
import { exploreHtml, type ExploreSource } from '../../explore/explore-html.js';
import { labelStem } from '../../explore/label-stem.js';
import { pageScript } from '../../explore/serve/page-script.js';
import { RELOAD_PATH, servePage } from '../../explore/serve/serve-page.js';
import { holdSignals } from '../../io/interrupt.js';
import { tableReader } from '../../io/read-table.js';
import { presetDocument } from '../../schedule/preset-document.js';
import { TOOL } from '../../tool.js';
import type { CliContext } from '../context.js';
import { CliError } from '../errors.js';
import { loadSources, parseOverride, readConfigText } from '../load-schedules.js';
import type { InputOptions } from '../options.js';
import { checkOutputs, writeFileOutput, writeOutput } from '../output.js';

export interface ExploreCliOptions extends InputOptions {
  output?: string;
  serve?: boolean;
  port?: string;
}

/** `momentum-fr explore`: the interactive page, written to a file or served on localhost. */
export async function exploreCommand(inputs: string[], options: ExploreCliOptions, ctx: CliContext): Promise<void> {
  if (inputs.includes('-')) throw new CliError('explore reads config files, not stdin (the page keeps their text; --serve watches them): save it to a file first');
  if (options.serve && options.output !== undefined) throw new CliError('--serve serves the page on localhost: it cannot be combined with -o');
  if (!options.serve && options.port !== undefined) throw new CliError('--port is for --serve');
  const port = parsePort(options.port ?? '8737');
  const output = options.output ?? `${inputs.length === 1 ? labelStem(inputs[0]) : (options.preset ?? 'explore')}-explore.html`;
  if (!options.serve) await checkOutputs(ctx, { files: { '-o': output }, inputs });
  // Validated as every command validates (located messages, exit 2) before any page is made.
  await loadSources(inputs, options, ctx);
  const read = () => exploreSources(inputs, options, ctx);
  const title = `momentum-fr explore: ${[...(options.preset ? [options.preset] : []), ...inputs].join(', ')}`;
  const subtitle = `Written by ${TOOL.name} ${TOOL.version}. Every number is computed in this page by the code the CLI runs; nothing is fetched.`;
  const page = { title, subtitle, sources: await read(), script: await pageScript(), allowUnstable: options.allowUnstable === true };

  if (!options.serve) {
    // `-o -` is stdout, as for every command (not a file named "-").
    if (output === '-') await writeOutput(ctx, output, async (sink) => sink.write(exploreHtml(page)));
    else await writeFileOutput(ctx, output, exploreHtml(page));
    return;
  }
  let served;
  try {
    served = await servePage({
      html: exploreHtml({ ...page, reloadPath: RELOAD_PATH }),
      port,
      watch: inputs.map((i) => resolve(ctx.cwd, i)),
      sources: read,
      onError: (error) => ctx.stderr.write(`explore: ${error instanceof Error ? error.message : String(error)}\n`),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CliError(`port ${port} is in use: choose another with --port N (0 picks a free one)`, 1);
    if (code === 'EACCES') throw new CliError(`port ${port} needs privileges: choose one above 1023 with --port N`, 1);
    throw error;
  }
  // Ctrl-C (or SIGTERM) ends the server as every command ends: one line, exit 130 (143).
  holdSignals();
  ctx.stderr.write(`serving ${served.url} (watching ${inputs.length} config file${inputs.length === 1 ? '' : 's'}; Ctrl-C stops)\n`);
  await new Promise<never>(() => {});
}

/** The configs' texts as the page starts from them: --preset's document, the files, each with --set written in. */
async function exploreSources(inputs: string[], options: ExploreCliOptions, ctx: CliContext): Promise<ExploreSource[]> {
  const overrides = (options.set ?? []).map(parseOverride);
  const sources: ExploreSource[] = [];
  if (options.preset !== undefined) sources.push({ label: `${options.preset}.yaml`, text: applyOverridesToText(configText(presetDocument(options.preset)), overrides) });
  for (const input of inputs) {
    // A page has no files: a table's values are written into its text, which the page then analyses.
    const { text, values } = embedTables(applyOverridesToText(await readConfigText(input, ctx), overrides), tableReader(input, ctx.cwd));
    if (values > MAX_PAGE_TABLE_VALUES) {
      throw new CliError(`${input}: its tables hold ${values} values, more than a page carries in its YAML (${MAX_PAGE_TABLE_VALUES}); analyse it with analyze or plot`);
    }
    sources.push({ label: input, text });
  }
  return sources;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new CliError(`--port ${text}: expected an integer from 0 to 65535`);
  return port;
}
