import type { Locator, Page } from '@playwright/test';
import { expect, horizontalOverflow, seriousAccessibilityViolations, test } from './fixtures.ts';

type Ready = (page: Page) => Locator;
const h1 =
  (name: string | RegExp): Ready =>
  (page) =>
    page.getByRole('heading', { level: 1, name });

/** Every route, each once its content is there. */
const ROUTES: { name: string; path: string; ready: Ready }[] = [
  { name: 'home', path: '/', ready: (page) => page.getByRole('heading', { name: "Partir d'un besoin" }) },
  { name: 'list', path: '/ressources', ready: (page) => page.getByText(/^\d+ ressources$/) },
  {
    name: 'filtered-list',
    path: '/ressources?etape=agir&type=kit',
    ready: (page) => page.getByRole('link', { name: /^Construire une alliance/ }),
  },
  {
    name: 'kit',
    path: '/ressources/kit-cartographier-son-ecosysteme',
    ready: (page) => page.getByRole('navigation', { name: 'Sommaire' }),
  },
  { name: 'need', path: '/besoins/faire-alliance', ready: (page) => page.getByRole('heading', { name: 'Agir' }) },
  { name: 'search', path: '/recherche?q=alliance', ready: (page) => page.getByRole('list', { name: 'Résultats' }) },
  { name: 'glossary', path: '/glossaire', ready: (page) => page.getByRole('term').first() },
  {
    name: 'webinars',
    path: '/webinaires',
    ready: (page) => page.getByRole('heading', { name: 'Qualifier l’innovation' }),
  },
  { name: 'annotations', path: '/annotations', ready: h1('Mes annotations') },
  { name: 'group-notes', path: '/annotations/groupe/inconnu', ready: h1('Notes du groupe') },
  { name: 'initiatives', path: '/initiatives', ready: h1('Initiatives') },
  { name: 'initiative-form', path: '/initiatives/nouvelle', ready: (page) => page.getByLabel(/^Titre/).first() },
  { name: 'storage', path: '/hors-ligne', ready: (page) => page.getByText(/fichiers? sur \d+/) },
  { name: 'feedback', path: '/avis', ready: h1('Donner mon avis') },
  { name: 'account', path: '/compte', ready: h1('Compte') },
  { name: 'groups', path: '/espaces', ready: h1('Espaces') },
  { name: 'join', path: '/espaces/rejoindre', ready: h1('Invitation à un espace') },
  { name: 'workshops', path: '/ateliers', ready: h1('Ateliers') },
  { name: 'workshop-form', path: '/ateliers/nouveau', ready: (page) => page.getByLabel('Titre', { exact: true }) },
  { name: 'workshop-unknown', path: '/ateliers/inconnu', ready: (page) => page.getByRole('heading', { level: 1 }) },
  { name: 'workshop-bad-link', path: '/atelier/ABC', ready: h1('Lien d’atelier non valable') },
  { name: 'workshop-join', path: '/atelier/ABCDEFGH', ready: h1(/^Rejoindre l’atelier/) },
  { name: 'not-found', path: '/nulle-part', ready: (page) => page.getByRole('heading', { level: 1 }) },
];

/**
 * One visit of every route, each checked four ways: axe (no serious or
 * critical violation, and headings in order), no sideways scroll at 320 px
 * wide nor with text at 200 %, and in dark mode axe's contrast check again
 * (a screenshot of each is kept in test-results/).
 */
test('every route: accessible, reflows at 320 px and at 200 % text, readable in dark mode', async ({ page }, info) => {
  test.setTimeout(240_000);
  const problems: string[] = [];
  for (const route of ROUTES) {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(route.path);
    await expect(route.ready(page).first()).toBeVisible();
    for (const v of await seriousAccessibilityViolations(page, ['heading-order'])) problems.push(`${route.name}: ${v}`);

    await page.setViewportSize({ width: 320, height: 640 });
    for (const o of await horizontalOverflow(page)) problems.push(`${route.name} at 320 px: ${o}`);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    for (const o of await horizontalOverflow(page)) problems.push(`${route.name} at 200 % text: ${o}`);
    await page.evaluate(() => (document.documentElement.style.fontSize = ''));

    await page.emulateMedia({ colorScheme: 'dark' });
    for (const v of await seriousAccessibilityViolations(page)) problems.push(`${route.name} (dark): ${v}`);
    await page.screenshot({ path: info.outputPath(`dark-${route.name}.png`) });
  }
  expect(problems).toEqual([]);
});

test('a glossary term in a kit opens its definition, by keyboard too', async ({ page }) => {
  await page.goto('/ressources/kit-faire-alliance');
  const term = page.locator('a.glossary-term').first();
  await expect(term).toBeVisible();
  const label = (await term.textContent())!;
  await term.focus();
  await page.keyboard.press('Enter');
  const popover = page.getByRole('dialog');
  await expect(popover).toBeVisible();
  await expect(popover.getByRole('link', { name: 'Voir dans le glossaire' })).toBeVisible();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await expect(page.locator('a.glossary-term').first()).toBeFocused();
  expect(label.length).toBeGreaterThan(0);
});
