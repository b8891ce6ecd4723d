import { watch, type FSWatcher } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';

/** Where the page listens for changed configs (Server-Sent Events); explore-html.ts's reloadPath. */
export const RELOAD_PATH = '/events';

export interface ServeOptions {
  /** The page, built with reloadPath RELOAD_PATH. */
  html: string;
  /** 0 picks a free port. */
  port: number;
  /** Config files to watch (absolute paths). */
  watch: string[];
  /** The configs' current texts, read again after a file changed: sent to the page as JSON. */
  sources(): Promise<unknown>;
  /** A watched file could not be read again (deleted, renamed): told, then the server goes on. */
  onError?(error: unknown): void;
}

export interface ServedPage {
  /** http://127.0.0.1:PORT/ */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the page on 127.0.0.1 (never another interface: the page runs the configs it is given)
 * and pushes each config file's new text to every open page when the file changes on disk, as a
 * Server-Sent Event `config` (the page keeps its figure and slider and recomputes). Changes within
 * 50 ms are sent once (editors write a file in several steps). Rejects with the listen error
 * (EADDRINUSE, EACCES) when the port cannot be had.
 */
export async function servePage(options: ServeOptions): Promise<ServedPage> {
  const clients = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
    } else if (path === '/' || path === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(options.html);
    } else if (path === RELOAD_PATH) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
    } else {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });

  let timer: NodeJS.Timeout | undefined;
  const push = () => {
    timer = undefined;
    options.sources().then(
      (sources) => {
        const event = `event: config\ndata: ${JSON.stringify(sources)}\n\n`;
        for (const client of clients) client.write(event);
      },
      (error: unknown) => options.onError?.(error),
    );
  };
  // Watch the folders, not the files: editors replace a file by renaming a new one over it, which
  // ends a watch on the old file.
  const watched = new Set(options.watch);
  const watchers: FSWatcher[] = [...new Set(options.watch.map((file) => dirname(file)))].map((dir) =>
    watch(dir, (_event, name) => {
      if (name !== null && watched.has(join(dir, name)) && timer === undefined) timer = setTimeout(push, 50);
    }),
  );

  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      for (const client of clients) client.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A browser's idle or preconnected sockets would hold close() until their headers timeout (60 s and more).
      server.closeAllConnections();
      await closed;
    },
  };
}
