import { expect, test } from './fixtures.ts';
import { HomePage } from './pages/home.ts';
import { KitPage } from './pages/kit.ts';

const KIT = 'Cartographier son écosystème territorial';

const scrollY = (page: import('@playwright/test').Page) => page.evaluate(() => window.scrollY);
/** The position once scrolling has stopped (the same over two frames): a wheel scroll lands after it is sent. */
const settledScrollY = (page: import('@playwright/test').Page) =>
  page.evaluate(async () => {
    const frame = () => new Promise(requestAnimationFrame);
    let last = -1;
    while (last !== window.scrollY) {
      last = window.scrollY;
      await frame();
      await frame();
    }
    return last;
  });

test('a new page opens at its top, back returns where the reader was, a link to a section opens there', async ({
  page,
}) => {
  const home = new HomePage(page);
  await home.open();
  await home.expectLibraryLoaded();
  const link = page.getByRole('link', { name: KIT });
  await link.scrollIntoViewIfNeeded();
  const beforeWheel = await settledScrollY(page);
  await page.mouse.wheel(0, 200);
  await expect.poll(() => scrollY(page)).toBeGreaterThan(beforeWheel);
  const homePosition = await settledScrollY(page);
  expect(homePosition).toBeGreaterThan(800);

  await link.click();
  const kit = new KitPage(page);
  await expect(kit.title(KIT)).toBeInViewport();
  expect(await scrollY(page)).toBe(0);

  await page.goBack();
  await expect(link).toBeVisible();
  await expect.poll(() => scrollY(page)).toBeGreaterThan(homePosition - 5);
  expect(await scrollY(page)).toBeLessThan(homePosition + 5);

  await page.goForward();
  await expect(kit.title(KIT)).toBeInViewport();
  await kit.tableOfContents().getByRole('link', { name: 'Pour aller plus loin' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Pour aller plus loin' })).toBeInViewport();
});

test('past webinars offer no agenda entry, and their disclosure shows it opens', async ({ page }) => {
  await page.goto('/webinaires');
  const topics = page.getByText('Le thème et nos ressources').first();
  await expect(topics).toBeVisible();
  // Every session of the 2019 cycle is past.
  await expect(page.getByRole('button', { name: 'Ajouter à mon agenda' })).toHaveCount(0);
  const marker = () => topics.evaluate((summary) => getComputedStyle(summary, '::before').content);
  expect(await marker()).toBe('"▸"');
  await topics.click();
  expect(await marker()).toBe('"▾"');
});
