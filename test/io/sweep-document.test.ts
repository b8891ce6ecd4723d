import { describe, expect, it } from 'vitest';
import { parseRfc4180 } from '../support/rfc4180.js';
import { runCli } from '../support/run-cli.js';
import { TOOL } from '../../src/tool.js';

const SWEEP = ['sweep', '--preset', 'ema-sgdm', '--grid', 'beta=0.5:0.9:3', '--stages', 'last'];

describe('the sweep document', () => {
  it('JSON: the header once, the sweep, columns, one compact line per row, then the skipped points', async () => {
    const r = await runCli([...SWEEP, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.match(/"schemaVersion"/g)).toHaveLength(1);
    expect(r.stdout.startsWith(`{\n  "schemaVersion": 1,\n  "tool": {"name":"momentum-fr","version":"${TOOL.version}"},\n  "sweep": {`)).toBe(true);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'tool', 'sweep', 'columns', 'rows', 'skipped', 'skippedCount']);
    expect(doc.sweep).toMatchObject({ schedule: 'ema-sgdm', points: 3, stages: 'last' });
    // Rows sit between `"rows": [` and `],`, one object per line, the row's values in the columns' order.
    const lines = r.stdout.slice(r.stdout.indexOf('"rows": [\n') + 10, r.stdout.indexOf('\n  ],')).split(',\n');
    expect(lines).toHaveLength(3);
    for (const [i, line] of lines.entries()) {
      expect(line.startsWith('    {')).toBe(true);
      expect(line).not.toContain('\n');
      expect(Object.keys(JSON.parse(line))).toEqual(doc.columns);
      expect(JSON.parse(line).point).toBe(i);
    }
    expect(doc.rows.map((row: { beta: number }) => row.beta)).toEqual([0.5, 0.7, 0.9]);
    expect(doc.skipped).toEqual([]);
    expect(doc.skippedCount).toBe(0);
  });

  it('CSV: one header row of the columns, one RFC 4180 record per point; NDJSON: no header, one object per line', async () => {
    const json = JSON.parse((await runCli([...SWEEP, '--format', 'json'])).stdout);
    const csv = parseRfc4180((await runCli([...SWEEP, '--format', 'csv'])).stdout);
    expect(csv[0]).toEqual(json.columns);
    expect(csv).toHaveLength(4);
    const nd = (await runCli([...SWEEP, '--format', 'ndjson'])).stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(nd).toEqual(json.rows);
  });
});
