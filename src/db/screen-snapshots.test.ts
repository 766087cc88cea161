// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, expect, it } from 'vitest';
import {
  currentBuild,
  forgetScreenSnapshots,
  leadingMarkup,
  MAX_SNAPSHOTS,
  saveScreenSnapshot,
} from './screen-snapshots.ts';

/** The page's own script that paints a kept screen before the app runs (it reads what this module writes). */
const PAINT_SNAPSHOT = readFileSync(join(import.meta.dirname, '../../public/paint-snapshot.js'), 'utf8');

/** The shell of index.html at `path`, as the page is when public/paint-snapshot.js runs; what its <main> then shows. */
function paintAt(path: string, main = '<p class="muted">Chargement…</p>'): HTMLElement {
  window.history.replaceState(null, '', path);
  document.head.innerHTML = '<script type="module" src="/assets/index-abc.js"></script>';
  document.body.innerHTML = `<div id="root"><main class="page">${main}</main></div>`;
  // The script as the browser runs it: a plain script in the page's global scope.
  new Function(PAINT_SNAPSHOT)();
  return document.querySelector('main')!;
}

beforeEach(() => localStorage.clear());

it('paints a screen’s markup kept by the same build, inert and hidden from assistive technologies', () => {
  paintAt('/annotations');
  saveScreenSnapshot('/annotations', currentBuild(), '<h1>Mes annotations</h1>');
  const main = paintAt('/annotations');
  const snapshot = main.querySelector<HTMLElement>('[data-snapshot="/annotations"]');
  expect(snapshot?.innerHTML).toBe('<h1>Mes annotations</h1>');
  expect(snapshot?.inert).toBe(true);
  expect(snapshot?.getAttribute('aria-hidden')).toBe('true');
  expect(main.children).toHaveLength(1);
});

it('paints nothing for another build, another screen, or over the server’s preview', () => {
  saveScreenSnapshot('/annotations', 'http://localhost:3000/assets/index-old.js', '<h1>Mes annotations</h1>');
  expect(paintAt('/annotations').querySelector('[data-snapshot]')).toBeNull();
  saveScreenSnapshot('/annotations', currentBuild(), '<h1>Mes annotations</h1>');
  expect(paintAt('/initiatives').querySelector('[data-snapshot]')).toBeNull();
  const preview = '<div data-preview="/annotations"><h1>Aperçu</h1></div>';
  expect(paintAt('/annotations', preview).innerHTML).toBe(preview);
  localStorage.setItem('ecran:/annotations', '{not json');
  expect(paintAt('/annotations').querySelector('[data-snapshot]')).toBeNull();
});

it('keeps the most recently shown screens, and forgets them all on demand', () => {
  const kept = (path: string) =>
    (JSON.parse(localStorage.getItem(`ecran:${path}`) ?? 'null') as { html: string } | null)?.html;
  for (let i = 0; i <= MAX_SNAPSHOTS; i++) saveScreenSnapshot(`/ecran-${i}`, 'b', `<p>${i}</p>`);
  saveScreenSnapshot('/ecran-1', 'b', '<p>1 encore</p>');
  expect(kept('/ecran-0')).toBeUndefined();
  expect(kept('/ecran-1')).toBe('<p>1 encore</p>');
  expect(kept(`/ecran-${MAX_SNAPSHOTS}`)).toBe(`<p>${MAX_SNAPSHOTS}</p>`);
  forgetScreenSnapshots();
  expect(Object.keys(localStorage)).toEqual([]);
});

it('keeps the first part of a long screen, cut inside the element that does not fit, text escaped', () => {
  const main = document.createElement('main');
  main.innerHTML =
    '<h1>Kit</h1><article class="prose"><p>un &lt;deux&gt;</p><p>trois quatre cinq</p></article><p>fin</p>';
  expect(leadingMarkup(main, 1000)).toBe(main.innerHTML);
  expect(leadingMarkup(main, 70)).toBe('<h1>Kit</h1><article class="prose"><p>un &lt;deux&gt;</p></article>');
  expect(leadingMarkup(main, 5)).toBe('');
});
