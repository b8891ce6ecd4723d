import { readFile } from 'node:fs/promises';

/**
 * Where the build writes the page module (bin/bundle.mjs: dist/explore-page.js), seen from this
 * module wherever it runs: inside the CLI bundle (dist/cli.cjs, whose import.meta.url is the
 * bundle's), as tsc's output (dist/explore/serve/), or as source under a test runner (src/explore/serve/).
 */
const CANDIDATES = ['./explore-page.js', '../../explore-page.js', '../../../dist/explore-page.js'];

let cache: Promise<string> | undefined;

/** The page module's code (read once per process); an Error naming the build when it is missing. */
export function pageScript(): Promise<string> {
  cache ??= (async () => {
    for (const candidate of CANDIDATES) {
      try {
        return await readFile(new URL(candidate, import.meta.url), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    throw new Error('the explore page module (dist/explore-page.js) is missing: run `npm run build`');
  })();
  cache.catch(() => (cache = undefined));
  return cache;
}
