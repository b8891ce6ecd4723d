import { describe, expect, it } from 'vitest';
import { TOOL } from '../../src/tool.js';
import { runCli } from '../support/run-cli.js';

const TRACE = 'test/fixtures/spectral/grad-trace.csv';

describe('spectrum --format json', () => {
  // Every kind of spectrum document: Welch PSD, energy per stage with a schedule, spectrogram.
  const kinds: [string, string[], string][] = [
    ['the Welch PSD', [], 'series'],
    ['the energy split per stage', ['--preset', 'ema-sgdm', '--set', 'steps=3000'], 'schedule'],
    ['the spectrogram', ['--spectrogram', '--nperseg', '64'], 'series'],
  ];
  for (const [what, args, firstKey] of kinds) {
    it(`starts ${what} with schemaVersion 1 and the tool, as every JSON document of the tool does`, async () => {
      const r = await runCli(['spectrum', TRACE, '--column', 'w1', ...args, '--format', 'json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect(Object.keys(doc).slice(0, 3)).toEqual(['schemaVersion', 'tool', firstKey]);
      expect(doc.schemaVersion).toBe(1);
      expect(doc.tool).toEqual({ name: 'momentum-fr', version: TOOL.version });
      expect(r.stdout.startsWith(`{\n  "schemaVersion": 1,\n  "tool": {"name":"momentum-fr","version":"${TOOL.version}"},\n  "${firstKey}": `)).toBe(true);
    });
  }
});
