import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'mfr-explore-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('momentum-fr explore --serve (spawning the real binary)', () => {
  it('serves the page on 127.0.0.1, pushes a changed config to the page, and ends on Ctrl-C with exit 130 and one line', async () => {
    copyFileSync('configs/fsgdm-cifar100.yaml', join(dir, 'f.yaml'));
    const child = spawn(process.execPath, [BIN, 'explore', 'f.yaml', '--serve', '--port', '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      for (let waited = 0; waited < 60_000 && !/\n/.test(stderr) && child.exitCode === null; waited += 20) await new Promise((r) => setTimeout(r, 20));
      const url = /^serving (http:\/\/127\.0\.0\.1:\d+\/) \(watching 1 config file; Ctrl-C stops\)\n$/.exec(stderr)?.[1];
      expect(url, stderr).toBeDefined();
      const html = await (await fetch(url!)).text();
      expect(html).toContain('"reloadPath":"/events"');
      expect(html).toContain('<div id="yaml"></div>');

      const events = await fetch(new URL('/events', url));
      const reader = events.body!.getReader();
      let text = '';
      await new Promise((r) => setTimeout(r, 200));
      const changed = readFileSync('configs/fsgdm-cifar100.yaml', 'utf8').replace('c: 0.033', 'c: 0.04');
      writeFileSync(join(dir, 'f.yaml'), changed);
      const decoder = new TextDecoder();
      while (!/event: config\ndata: .*\n\n/.test(text)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
      const data = JSON.parse(/event: config\ndata: (.*)\n\n/.exec(text)![1]);
      expect(data).toEqual([{ label: 'f.yaml', text: changed }]);
      await reader.cancel();
    } finally {
      child.kill('SIGINT');
    }
    expect(await closed).toBe(130);
    expect(stderr.split('\n').slice(1)).toEqual(['momentum-fr: interrupted', '']);
  });
});
