import { expect, seriousAccessibilityViolations, test } from './fixtures.ts';

const PAGES = [
  { name: 'home', path: '/', ready: { role: 'heading', name: "Partir d'un besoin" } },
  {
    name: 'filtered list',
    path: '/ressources?etape=agir&type=kit',
    ready: { role: 'link', name: /^Construire une alliance/ },
  },
  { name: 'kit', path: '/ressources/kit-qualifier-une-innovation', ready: { role: 'navigation', name: 'Sommaire' } },
  { name: 'need', path: '/besoins/faire-alliance', ready: { role: 'heading', name: 'Agir' } },
  { name: 'search results', path: '/recherche?q=alliance', ready: { role: 'list', name: 'Résultats' } },
  { name: 'glossary', path: '/glossaire', ready: { role: 'heading', name: 'Vocabulaire partagé' } },
  { name: 'webinars', path: '/webinaires', ready: { role: 'heading', name: 'Qualifier l’innovation' } },
  { name: 'storage panel', path: '/hors-ligne', ready: { role: 'progressbar', name: undefined } },
] as const;

for (const { name, path, ready } of PAGES) {
  test(`axe finds no serious or critical issue: ${name}`, async ({ page }) => {
    await page.goto(path);
    if (ready.role === 'progressbar') await expect(page.getByText(/fichiers? sur \d+/)).toBeVisible();
    else await expect(page.getByRole(ready.role, { name: ready.name }).first()).toBeVisible();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
}

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
