import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { parseRfc4180 } from '../support/rfc4180.js';

/**
 * Every CSV the CLI writes is RFC 4180: a schedule named with a comma, a quote and a line break reads
 * back, through a strict reader written from the RFC (test/support/rfc4180.ts), as the same name, and
 * every record has the header's number of fields.
 */
const NAME = 'a"b,c\nd';
const NO_NEWLINE = 'a"b,c';
const dir = mkdtempSync(join(tmpdir(), 'momentum-fr-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function config(file: string, name: string): string {
  const path = join(dir, file);
  writeFileSync(path, `name: ${JSON.stringify(name)}\nsteps: 200\nstages: 2\nmomentum: { u: [0.5, 0.9], v: 1 }\n`);
  return path;
}
const weird = config('weird.yaml', NAME);
const weirdOneLine = config('weird-one-line.yaml', NO_NEWLINE);

/** Parses `text` strictly; checks the header and that every record is as wide; returns the records as objects. */
function table(text: string, header: string[]): Record<string, string>[] {
  const [head, ...rows] = parseRfc4180(text);
  expect(head.slice(0, header.length)).toEqual(header);
  for (const [i, r] of rows.entries()) expect(r.length, `record ${i + 1}: ${JSON.stringify(r)}`).toBe(head.length);
  return rows.map((r) => Object.fromEntries(head.map((k, i) => [k, r[i]])));
}

async function run(args: string[]): Promise<string> {
  const r = await runCli(args);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

describe('CSV output is RFC 4180 for names with commas, quotes and line breaks', () => {
  it.each([
    ['analyze --no-response', ['analyze', weird, '--no-response', '--format', 'csv'], 2],
    ['analyze (responses)', ['analyze', weird, '--freqs', '3', '--format', 'csv'], 6],
    ['analyze --mode both --at-steps', ['analyze', weird, '--mode', 'both', '--freqs', '3', '--at-steps', '1,150', '--stages', 'all', '--format', 'csv'], 18],
    ['analyze --mode exact --no-response', ['analyze', weird, '--mode', 'exact', '--no-response', '--format', 'csv'], 2],
    ['coefficients', ['coefficients', weird], 200],
    ['coefficients --runs', ['coefficients', weird, '--runs'], 2],
    ['simulate', ['simulate', weird, '--format', 'csv'], 2],
  ] as const)('%s', async (_name, args, records) => {
    const rows = table(await run([...args]), ['schedule']);
    expect(rows).toHaveLength(records);
    for (const r of rows) expect(r.schedule).toBe(NAME);
  });

  it('simulate --series writes the name as a CSV header that spectrum reads back', async () => {
    const series = join(dir, 'series.csv');
    await run(['simulate', weirdOneLine, '--series', series]);
    const rows = table(readFileSync(series, 'utf8'), ['step', 'input', NO_NEWLINE]);
    expect(rows).toHaveLength(200);
    const psd = table(await run(['spectrum', series, '--column', NO_NEWLINE, '--nperseg', '64', '--format', 'csv']), ['series', 'frequency', 'psd']);
    expect(psd).toHaveLength(33);
    for (const r of psd) expect(r.series).toBe(NO_NEWLINE);
  });

  it('spectrum with a schedule: the energy rows and the spectrogram rows', async () => {
    const series = join(dir, 'series-energy.csv');
    await run(['simulate', weirdOneLine, '--series', series]);
    const energy = table(await run(['spectrum', series, '--column', NO_NEWLINE, '--config', weird, '--format', 'csv']), ['series', 'stage']);
    expect(energy.map((r) => r.stage)).toEqual(['0', '1']);
    for (const r of energy) expect(r.series).toBe(NO_NEWLINE);
    const spectrogram = table(await run(['spectrum', series, '--column', NO_NEWLINE, '--spectrogram', '--nperseg', '32', '--format', 'csv']), ['series', 'time', 'frequency', 'value']);
    for (const r of spectrogram) expect(r.series).toBe(NO_NEWLINE);
  });

  it('sweep rows parse with the header\'s width', async () => {
    const rows = table(await run(['sweep', weird, '--grid', 'momentum.v=1,2', '--format', 'csv']), ['point', 'momentum.v', 'stage']);
    expect(rows.map((r) => [r.point, r['momentum.v'], r.stage, r.filterType])).toEqual([
      ['0', '1', '0', 'low-pass'],
      ['0', '1', '1', 'low-pass'],
      ['1', '2', '0', 'low-pass'],
      ['1', '2', '1', 'low-pass'],
    ]);
  });
});
