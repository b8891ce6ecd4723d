import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
