import { parentPort } from 'node:worker_threads';
import type { VegaLiteSpec } from '../specs/vega-lite-spec.js';
import { figureSvg } from './figure-svg.js';
import type { SvgAbout } from './render-svg.js';

/** Worker thread entry (see svg-thread.ts): renders the figures it is sent, one at a time. */
export interface SvgJob {
  id: number;
  spec: VegaLiteSpec;
  about: SvgAbout;
}
export type SvgReply = { id: number; svg: string; warnings: string[] } | { id: number; error: string };

parentPort?.on('message', (job: SvgJob) => {
  figureSvg(job.spec, job.about).then(
    (r) => parentPort?.postMessage({ id: job.id, svg: r.svg, warnings: r.warnings } satisfies SvgReply),
    (err: unknown) => parentPort?.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) } satisfies SvgReply),
  );
});
