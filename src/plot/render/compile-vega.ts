import type { VegaLiteSpec } from '../specs/vega-lite-spec.js';

/** A compiled Vega spec (JSON), ready for `vega.parse`. */
export type VegaSpec = { [key: string]: unknown };

/**
 * Vega-Lite → Vega. vega-lite is imported on first use, so commands that never plot don't pay for it.
 * Warnings (an unknown channel, a scale that cannot be applied…) are returned, not printed: tests
 * require none, the CLI shows them on stderr.
 */
export async function compileVega(spec: VegaLiteSpec): Promise<{ spec: VegaSpec; warnings: string[] }> {
  const vl = await import('vega-lite');
  const warnings: string[] = [];
  const collect = (...args: readonly unknown[]): void => void warnings.push(args.map(String).join(' '));
  const logger = {
    level(): number {
      return 2; // vega-util's Warn
    },
    error: collect,
    warn: collect,
    info: () => logger,
    debug: () => logger,
  };
  // vega-lite's types model every spec shape; ours is plain JSON validated by compiling it.
  const result = vl.compile(spec as unknown as Parameters<typeof vl.compile>[0], {
    logger: logger as unknown as NonNullable<Parameters<typeof vl.compile>[1]>['logger'],
  });
  return { spec: result.spec as unknown as VegaSpec, warnings };
}
