import { describe, expect, it } from 'vitest';
import { TOOL } from '../../src/tool.js';
import { runCli } from '../support/run-cli.js';

describe('tune --format json', () => {
  it('is one line that starts with schemaVersion 1 and the tool, then the solution', async () => {
    const r = await runCli(['tune', '--preset', 'standard-sgdm', '--solve', 'momentum.beta', '--target', 'first.cutoffFrequency=0.1', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith('}\n')).toBe(true);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'tool', 'solution', 'target', 'achieved', 'tolerance', 'bracket', 'evaluations']);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.tool).toEqual({ name: 'momentum-fr', version: TOOL.version });
    expect(doc.solution.path).toBe('momentum.beta');
  });
});
