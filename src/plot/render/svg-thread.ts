import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { VegaLiteSpec } from '../specs/vega-lite-spec.js';
import type { SvgAbout } from './render-svg.js';
import type { SvgJob, SvgReply } from './svg-worker.js';

/** A second thread that renders SVGs, so that a large figure (a response map) overlaps the rest. */
export interface SvgThread {
  render(spec: VegaLiteSpec, about: SvgAbout): Promise<{ svg: string; warnings: string[] }>;
  close(): Promise<void>;
}

/**
 * Starts the SVG worker, or returns null where it would not help or cannot run: a single CPU, or
 * the source tree run without a build (the worker is the compiled svg-worker.js). vega is
 * single-threaded, so one worker is the whole gain on the 2-core machines this is measured on.
 */
export function startSvgThread(): SvgThread | null {
  const url = new URL('./svg-worker.js', import.meta.url);
  if (availableParallelism() < 2 || url.protocol !== 'file:' || !existsSync(fileURLToPath(url))) return null;
  const worker = new Worker(url);
  const waiting = new Map<number, { resolve: (r: { svg: string; warnings: string[] }) => void; reject: (e: Error) => void }>();
  let next = 0;
  const failAll = (err: Error): void => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  worker.on('message', (reply: SvgReply) => {
    const w = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (!w) return;
    if ('error' in reply) w.reject(new Error(reply.error));
    else w.resolve({ svg: reply.svg, warnings: reply.warnings });
  });
  worker.on('error', failAll);
  worker.on('exit', () => failAll(new Error('the SVG worker stopped')));
  return {
    render(spec, about) {
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, spec, about } satisfies SvgJob);
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
