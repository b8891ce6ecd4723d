import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { htmlPage, type HtmlPageInput } from '../html-page.js';

/** The browser builds shipped in the packages (their `unpkg` files), beside each package's entry. */
const LIBRARIES: [pkg: string, file: string][] = [
  ['vega', 'vega.min.js'],
  ['vega-lite', 'vega-lite.min.js'],
  ['vega-embed', 'vega-embed.min.js'],
];

let cache: Promise<[string, string][]> | undefined;

/** Reads the minified vega, vega-lite and vega-embed builds from node_modules (once per process). */
export function browserLibraries(): Promise<[string, string][]> {
  cache ??= (async () => {
    const require = createRequire(import.meta.url);
    return Promise.all(
      LIBRARIES.map(async ([pkg, file]): Promise<[string, string]> => {
        // The packages export only their entry; the browser build sits in the same build/ folder.
        const path = join(dirname(require.resolve(pkg)), file);
        return [`${pkg}/${file}`, await readFile(path, 'utf8')];
      }),
    );
  })();
  return cache;
}

/** A self-contained, offline HTML page of the figures (see htmlPage). */
export async function renderHtml(page: Omit<HtmlPageInput, 'scripts'>): Promise<string> {
  return htmlPage({ ...page, scripts: await browserLibraries() });
}
