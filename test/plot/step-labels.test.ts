import { describe, expect, it } from 'vitest';
import { STEP_LABELS } from '../../src/plot/specs/step-labels.js';
import { topLevelSpec } from '../../src/plot/specs/vega-lite-spec.js';
import { plotTheme } from '../../src/plot/specs/theme.js';
import { svgOf, svgTexts } from './svg-labels.js';

/** The tick labels of an x axis of steps 1 … last on a 560 px panel. */
async function labels(last: number): Promise<string[]> {
  const spec = topLevelSpec({
    title: 't', subtitle: 's', description: 'd', theme: plotTheme('light'), datasets: { d: [{ step: 1 }, { step: last }] },
    body: { data: { name: 'd' }, width: 560, height: 50, mark: 'point', encoding: { x: { field: 'step', type: 'quantitative', scale: { domain: [1, last], nice: false }, axis: STEP_LABELS } } },
  });
  return svgTexts(await svgOf(spec), 'axis-label');
}

describe('STEP_LABELS', () => {
  it('4 000 steps read 500, 1k, 1.5k, …, never vega\'s "0.2k"', async () => {
    expect(await labels(4000)).toEqual(['500', '1k', '1.5k', '2k', '2.5k', '3k', '3.5k', '4k']);
  });

  it('117 000 steps read 20k … 100k, and millions get M', async () => {
    expect(await labels(117_000)).toEqual(['20k', '40k', '60k', '80k', '100k']);
    expect((await labels(2_000_000)).at(-1)).toMatch(/^\d(\.\d)?M$/);
  });
});
