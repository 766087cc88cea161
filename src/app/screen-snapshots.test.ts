// @vitest-environment jsdom
import { afterEach, expect, it, vi } from 'vitest';
import { firstScreens } from './screen-snapshots.ts';

afterEach(() => vi.restoreAllMocks());

/** jsdom lays nothing out: each element says where it stands by its data-top (px from the window's top). */
function laidOut(html: string): HTMLElement {
  document.body.innerHTML = `<main id="contenu" data-top="80">${html}</main>`;
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    return { top: Number(this.getAttribute('data-top') ?? 0) } as DOMRect;
  });
  return document.getElementById('contenu')!;
}

it('keeps what starts within the first two windows below the screen’s top, and drops the rest with what it holds', () => {
  window.innerHeight = 800; // the limit: 80 + 2 × 800 = 1680
  const main = laidOut(`
    <h1 data-top="100">Titre</h1>
    <section data-top="900"><p data-top="950">Vu en descendant</p><p data-top="1700">Trop bas</p></section>
    <section data-top="1800"><p data-top="1850">Hors de vue</p></section>
    <p data-top="1600">Encore là</p>`);
  const copy = firstScreens(main);
  expect(copy.textContent!.replace(/\s+/g, ' ').trim()).toBe('Titre Vu en descendant Encore là');
  // The live screen is untouched.
  expect(main.querySelectorAll('p')).toHaveLength(4);
});
