// @vitest-environment jsdom
import { beforeEach, expect, it } from 'vitest';
import {
  forgetScreenSnapshots,
  leadingMarkup,
  MAX_SNAPSHOTS,
  readScreenSnapshot,
  saveScreenSnapshot,
} from './screen-snapshots.ts';

beforeEach(() => localStorage.clear());

it('gives back a screen’s markup for the build that drew it only', () => {
  saveScreenSnapshot('/annotations', 'build-1', '<h1>Mes annotations</h1>');
  expect(readScreenSnapshot('/annotations', 'build-1')).toBe('<h1>Mes annotations</h1>');
  expect(readScreenSnapshot('/annotations', 'build-2')).toBeUndefined();
  expect(readScreenSnapshot('/initiatives', 'build-1')).toBeUndefined();
});

it('keeps the most recently shown screens, and forgets them all on demand', () => {
  for (let i = 0; i <= MAX_SNAPSHOTS; i++) saveScreenSnapshot(`/ecran-${i}`, 'b', `<p>${i}</p>`);
  saveScreenSnapshot('/ecran-1', 'b', '<p>1 encore</p>');
  expect(readScreenSnapshot('/ecran-0', 'b')).toBeUndefined();
  expect(readScreenSnapshot('/ecran-1', 'b')).toBe('<p>1 encore</p>');
  expect(readScreenSnapshot(`/ecran-${MAX_SNAPSHOTS}`, 'b')).toBe(`<p>${MAX_SNAPSHOTS}</p>`);
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
