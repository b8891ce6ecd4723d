import { describe, expect, it } from 'vitest';
import * as api from '../src/api.js';

describe('the pure API (src/api.ts, what `momentum-fr` exports)', () => {
  it('exports the core and none of the Node-only functions, which are momentum-fr/node\'s', () => {
    const names = Object.keys(api);
    for (const core of ['analyze', 'parseSchedules', 'PRESETS', 'frozenResponse', 'welchPsd', 'fft', 'tuneParameter', 'magnitudeSpec', 'resolveAxes', 'provideMathjs']) expect(names).toContain(core);
    for (const node of ['run', 'runSweep', 'InvalidPointError', 'SweepAbortedError', 'readTrace', 'TraceError', 'writeTrace', 'renderPlots', 'compileVega', 'PLOT_FORMATS', 'parseGridOption', 'decodeConfigText', 'PathError']) expect(names).not.toContain(node);
  });
});
