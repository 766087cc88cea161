import { expect, test, waitForServiceWorker } from './fixtures.ts';

test('filter the library, open a kit, jump to a section, then find a passage offline', async ({ page, context }) => {
  await page.goto('/ressources');
  await expect(page.getByText(/^\d+ ressources$/)).toBeVisible();
  await page.getByText('Filtrer', { exact: true }).click();
  await page.getByRole('checkbox', { name: /^Kit pratique/ }).check();
  await page.getByRole('checkbox', { name: /^Faire alliance/ }).check();
  await expect(page).toHaveURL(/\?besoin=faire-alliance&type=kit$/);
  await expect(page.getByText('1 ressource', { exact: true })).toBeVisible();

  // The filtered view is a shareable URL.
  await page.reload();
  await expect(page.getByRole('checkbox', { name: /^Kit pratique/ })).toBeChecked();
  // Unchecking every filter leaves the panel open under the finger; each click takes at once.
  await page.getByRole('checkbox', { name: /^Kit pratique/ }).uncheck();
  await page.getByRole('checkbox', { name: /^Faire alliance/ }).uncheck();
  await expect(page).toHaveURL(/\/ressources$/);
  await page.getByRole('checkbox', { name: /^Faire alliance/ }).check();
  await page.getByRole('checkbox', { name: /^Kit pratique/ }).check();
  await expect(page.getByText('1 ressource', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: /^Construire une alliance locale/ }).click();

  const toc = page.getByRole('navigation', { name: 'Sommaire' });
  await toc.getByRole('link', { name: 'Pièges à éviter' }).click();
  await expect(page).toHaveURL(/#pieges-a-eviter$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Pièges à éviter' })).toBeInViewport();
  // Far down the kit, « Sommaire » stays at hand and takes the keyboard back to the contents.
  await expect(toc).not.toBeInViewport();
  const backToContents = page.getByRole('button', { name: 'Sommaire' });
  await backToContents.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Sommaire' })).toBeFocused();
  await expect(page.getByRole('heading', { level: 2, name: 'Sommaire' })).toBeInViewport();
  await expect(backToContents).toBeHidden();

  // A deep link opens the kit at that section.
  await page.goto('/ressources/kit-faire-alliance#pour-aller-plus-loin');
  await expect(page.getByRole('heading', { level: 2, name: 'Pour aller plus loin' })).toBeInViewport();
  await waitForServiceWorker(page);

  await context.setOffline(true);
  await page.goto('/recherche');
  await page.getByLabel('Rechercher dans la bibliothèque').fill('coconstruction');
  const results = page.getByRole('list', { name: 'Résultats' });
  await expect(results.getByRole('listitem').first()).toBeVisible();
  await expect(results.locator('mark').first()).toHaveText(/co-?construction/i);

  // A passage inside a kit section, typed without accents and with a typo.
  await page.getByLabel('Rechercher dans la bibliothèque').fill('pieges alliance chartte');
  const hit = results.getByRole('link', { name: /Pièges à éviter/ }).first();
  await expect(hit).toBeVisible();
  await hit.click();
  await expect(page).toHaveURL(/\/ressources\/kit-[a-z-]+#pieges-a-eviter/);
  await context.setOffline(false);
});
