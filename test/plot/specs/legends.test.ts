import { describe, expect, it } from 'vitest';
import { LINE_LEGEND, MAX_LISTED_STAGES, stageColor } from '../../../src/plot/specs/legends.js';
import { plotTheme } from '../../../src/plot/specs/theme.js';

describe('legends', () => {
  const theme = plotTheme('light');

  it('a few stages are discrete curves: an ordinal colour with one stroke symbol per stage', () => {
    expect(stageColor(theme, 8)).toEqual({ field: 'stage', type: 'ordinal', title: 'Stage', scale: { scheme: theme.stageScheme }, legend: LINE_LEGEND });
    expect(stageColor(theme, MAX_LISTED_STAGES)).toMatchObject({ type: 'ordinal' });
  });

  it('more stages than a legend can list get a gradient of the stage index, whole-numbered', () => {
    expect(stageColor(theme, MAX_LISTED_STAGES + 1)).toMatchObject({ type: 'quantitative', legend: { format: 'd', tickMinStep: 1 } });
  });

  it('line symbols are strokes long enough for a whole period of the sparsest dash pattern, [12, 3, 3, 3] = 21 px', () => {
    expect(LINE_LEGEND.symbolType).toBe('stroke');
    expect(Math.sqrt(LINE_LEGEND.symbolSize)).toBeGreaterThanOrEqual(12 + 3 + 3);
  });
});
