import { mkdtempSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RELOAD_PATH, servePage } from '../../src/explore/serve/serve-page.js';

const dir = mkdtempSync(join(tmpdir(), 'mfr-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Reads Server-Sent Events from a response body until `count` `config` events arrived. */
async function configEvents(body: ReadableStream<Uint8Array>, count: number): Promise<unknown[]> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const events: unknown[] = [];
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (block.startsWith('event: config\n')) events.push(JSON.parse(block.split('\n')[1].slice('data: '.length)));
    }
  }
  await reader.cancel();
  return events;
}

describe('servePage: the page on 127.0.0.1, following its config files', () => {
  it('serves the page, 404 elsewhere, and pushes the new text when a watched file is written or replaced', async () => {
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'steps: 1\n');
    let reads = 0;
    const served = await servePage({ html: '<!DOCTYPE html><p>page</p>', port: 0, watch: [file], sources: async () => [{ label: 'a.yaml', n: ++reads }] });
    try {
      expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await fetch(served.url);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await page.text()).toBe('<!DOCTYPE html><p>page</p>');
      expect((await fetch(new URL('/other', served.url))).status).toBe(404);
      expect((await fetch(served.url, { method: 'POST' })).status).toBe(405);

      const events = await fetch(new URL(RELOAD_PATH, served.url));
      expect(events.headers.get('content-type')).toBe('text/event-stream');
      const received = configEvents(events.body!, 2);
      await new Promise((r) => setTimeout(r, 100));
      writeFileSync(file, 'steps: 2\n');
      await new Promise((r) => setTimeout(r, 400));
      // An editor's save: a new file renamed over the old one.
      writeFileSync(join(dir, '.a.yaml.swp'), 'steps: 3\n');
      renameSync(join(dir, '.a.yaml.swp'), file);
      expect(await received).toEqual([[{ label: 'a.yaml', n: 1 }], [{ label: 'a.yaml', n: 2 }]]);
    } finally {
      await served.close();
    }
  });

  it('a port in use is the listen error (EADDRINUSE), and nothing is left listening', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(servePage({ html: '', port, watch: [], sources: async () => [] })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });
});

describe('servePage: closing', () => {
  it('close() ends at once although a browser holds a connection it sent no request on (a preconnect)', { timeout: 20_000 }, async () => {
    const served = await servePage({ html: '<p>page</p>', port: 0, watch: [], sources: async () => [] });
    const { connect } = await import('node:net');
    const socket = connect(Number(new URL(served.url).port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const ended = new Promise((resolve) => socket.once('close', resolve));
    // Node's server waits for such a connection's headers timeout (60 s, checked every 30 s) before it closes.
    await served.close();
    await ended;
    expect(socket.destroyed).toBe(true);
  });
});
