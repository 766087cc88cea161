/**
 * The browser's floor for a repeat visit (bench/screens.ts): each screen's
 * kept markup written into a static page, served over plain HTTP with the
 * app's own CSS: the built index.html without any script, the markup in its
 * `main` as public/paint-snapshot.js puts it there. Measured the same way as
 * the app, it is what this browser on this machine needs to show that markup
 * with no code and no service worker at all: no app shows it sooner.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { DIST } from '../tests/build-size.ts';

const TYPES: Record<string, string> = {
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** The built index.html, without its scripts, with `markup` kept for `path` in its main. */
export function floorPage(indexHtml: string, path: string, markup: string): string {
  const withoutScripts = indexHtml.replace(/<script\b[^>]*>[\s\S]*?<\/script>\s*/g, '');
  const main = /<main class="page">[\s\S]*?<\/main>/;
  if (!main.test(withoutScripts)) throw new Error('dist/index.html: no <main class="page"> to put the markup in');
  const kept = `<div data-snapshot="${escapeAttribute(path)}" inert aria-hidden="true" aria-busy="true">${markup}</div>`;
  return withoutScripts.replace(main, () => `<main class="page">${kept}</main>`);
}

export interface FloorServer {
  /** The static page of the screen at `path`. */
  url(path: string): string;
  close(): Promise<void>;
}

/** Serves, for each path of `markupByPath`, its static page at /plancher?ecran=<path>, and the build's other files. */
export async function startFloorServer(markupByPath: Map<string, string>): Promise<FloorServer> {
  const indexHtml = await readFile(join(DIST, 'index.html'), 'utf8');
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://plancher');
    const path = url.searchParams.get('ecran');
    if (url.pathname === '/plancher' && path !== null && markupByPath.has(path)) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(floorPage(indexHtml, path, markupByPath.get(path)!));
      return;
    }
    // The URL parser has resolved any `..` already: the file is under DIST.
    const file = url.pathname;
    readFile(join(DIST, file)).then(
      (body) => {
        response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        response.end(body);
      },
      () => {
        response.writeHead(404);
        response.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}/plancher?ecran=${encodeURIComponent(path)}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
