import { describe, expect, it } from 'vitest';
import { floorPage } from './screen-floor.ts';

const INDEX = `<!doctype html>
<html lang="fr">
  <head>
    <script type="module" crossorigin src="/assets/index-abc.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/index-def.css">
  </head>
  <body>
    <div id="root">
      <header class="app-header"><a class="brand" href="/">Accueil</a></header>
      <main class="page"><p class="muted">Chargement…</p></main>
    </div>
    <script src="/paint-snapshot.js"></script>
  </body>
</html>`;

describe('floorPage', () => {
  const page = floorPage(INDEX, '/annotations?x="1"', '<h1>Mes annotations</h1><p>3 annotations</p>');

  it('keeps the shell and the stylesheet but no script', () => {
    expect(page).toContain('<link rel="stylesheet" crossorigin href="/assets/index-def.css">');
    expect(page).toContain('<header class="app-header">');
    expect(page).not.toMatch(/<script/);
  });

  it('puts the kept markup in main, inert, as the app paints it', () => {
    expect(page).toContain(
      '<main class="page"><div data-snapshot="/annotations?x=&quot;1&quot;" inert aria-hidden="true" aria-busy="true">' +
        '<h1>Mes annotations</h1><p>3 annotations</p></div></main>',
    );
    expect(page).not.toContain('Chargement…');
  });

  it('keeps « $ » sequences of the markup as written', () => {
    expect(floorPage(INDEX, '/', "<p>$& et $'</p>")).toContain("<p>$& et $'</p>");
  });

  it('refuses a page without the main it fills', () => {
    expect(() => floorPage('<html><body></body></html>', '/', '<p>x</p>')).toThrow(/main/);
  });
});
