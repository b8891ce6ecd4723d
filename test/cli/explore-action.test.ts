import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSchedules } from '../../src/schedule/parse.js';
import { runCli } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'mfr-explore-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The configs a page carries (its JSON data block). */
function pageSources(file: string): { label: string; text: string }[] {
  const html = readFileSync(file, 'utf8');
  return JSON.parse(/<script type="application\/json" id="explore-data">(.*?)<\/script>/s.exec(html)![1]).sources;
}

describe('momentum-fr explore (in process)', () => {
  it('writes one page with the config\'s text and the built page module inlined', async () => {
    const out = join(dir, 'page.html');
    const r = await runCli(['explore', 'configs/fsgdm-cifar100.yaml', '-o', out]);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', `wrote ${out}\n`]);
    expect(pageSources(out)).toEqual([{ label: 'configs/fsgdm-cifar100.yaml', text: readFileSync('configs/fsgdm-cifar100.yaml', 'utf8') }]);
    expect(readFileSync(out, 'utf8')).toContain(readFileSync('dist/explore-page.js', 'utf8').slice(0, 2000));
  });

  it('without -o, writes <config>-explore.html in the working directory', async () => {
    const r = await runCli(['explore', `${process.cwd()}/configs/ema-sgdm.yaml`], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([0, 'wrote ema-sgdm-explore.html\n']);
    expect(pageSources(join(dir, 'ema-sgdm-explore.html'))).toHaveLength(1);
  });

  it('--preset and --set: the preset\'s document with the override written in', async () => {
    const out = join(dir, 'preset.html');
    const r = await runCli(['explore', '--preset', 'fsgdm', '--set', 'c=0.05', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(pageSources(out)).toEqual([{ label: 'fsgdm.yaml', text: 'name: fsgdm\nsteps: 117000\nstages: 300\nmomentum:\n  preset: fsgdm\n  c: 0.05\n  v: 1\n  sigma: null\n' }]);
  });

  it('a config with tables carries their values in the page\'s YAML, which then parses without any file', async () => {
    const out = join(dir, 'own.html');
    const r = await runCli(['explore', 'docs/examples/own-schedule.yaml', '-o', out]);
    expect([r.code, r.stderr]).toEqual([0, `wrote ${out}\n`]);
    const [{ text }] = pageSources(out);
    expect(text).not.toContain('table: schedule.csv');
    const { schedules, issues } = parseSchedules(text);
    expect(issues).toEqual([]);
    const lr = Array.from({ length: 12 }, (_, s) => 0.1 * (Math.min(1, (s + 1) / 4) * 0.9 ** Math.max(0, s - 3)));
    // The lr column of docs/examples/schedule.csv is LambdaLR's (read-table.test.ts): 2 ulp as there.
    const expanded = Array.from(schedules[0].stages.startStep, (start, i) => Array.from({ length: schedules[0].stages.endStep[i] - start + 1 }, () => schedules[0].lr![i])).flat();
    expanded.forEach((x, i) => expect(Math.abs(x - lr[i]), `step ${i + 1}`).toBeLessThanOrEqual(2 * 2 ** -52 * lr[i]));
  });

  it('tables of more than 10⁵ values are refused with one line and exit 2, and no page is written', async () => {
    const sub = mkdtempSync(join(dir, 'big-'));
    writeFileSync(join(sub, 'lr.csv'), `lr\n${'0.1\n'.repeat(100_001)}`);
    writeFileSync(join(sub, 'big.yaml'), 'steps: 100001\nlr: { table: lr.csv }\nmomentum: { preset: ema-sgdm }\n');
    const out = join(sub, 'big.html');
    const r = await runCli(['explore', join(sub, 'big.yaml'), '-o', out]);
    expect([r.code, r.stderr]).toEqual([2, `momentum-fr: ${join(sub, 'big.yaml')}: its tables hold 100001 values, more than a page carries in its YAML (100000); analyse it with analyze or plot\n`]);
    expect(existsSync(out)).toBe(false);
  });

  it('an invalid config is refused as validate refuses it: located message, exit 2, no page', async () => {
    const out = join(dir, 'bad.html');
    const r = await runCli(['explore', 'configs/fsgdm-cifar100.yaml', '--set', 'momentum.c=-1', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^configs\/fsgdm-cifar100\.yaml: --set momentum\.c=-1: momentum\.c: must be ≥ 0 \(got -1\)\n/);
    expect(() => readFileSync(out)).toThrow();
  });

  it('usage errors: stdin, --serve with -o, --port without --serve, a port that is no port', async () => {
    const cases: [string[], RegExp][] = [
      [['explore', '-'], /explore reads config files, not stdin/],
      [['explore', 'configs/ema-sgdm.yaml', '--serve', '-o', 'x.html'], /--serve .* cannot be combined with -o/],
      [['explore', 'configs/ema-sgdm.yaml', '--port', '9000'], /--port is for --serve/],
      [['explore', 'configs/ema-sgdm.yaml', '--serve', '--port', '70000'], /--port 70000: expected an integer from 0 to 65535/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args, { cwd: process.cwd() });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(message)]);
    }
  });

  it('--serve on a port in use: one line, exit 1', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = await runCli(['explore', 'configs/ema-sgdm.yaml', '--serve', '--port', String(port)]);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`momentum-fr: port ${port} is in use: choose another with --port N (0 picks a free one)\n`);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });
});
