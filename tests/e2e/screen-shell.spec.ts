import { chunkFile } from '../build-size.ts';
import { expect, test } from './fixtures.ts';

// Requests from the page itself, so that the test can hold the database's code back.
test.use({ serviceWorkers: 'block' });

const SCREENS = [
  ['/initiatives/nouvelle', 'Nouvelle initiative'],
  ['/recherche', 'Recherche'],
  ['/annotations', 'Mes annotations'],
  ['/initiatives', 'Initiatives'],
] as const;

test('screens that need the database show their shell and heading before it is ready', async ({ page }) => {
  const databaseCode = `/${chunkFile('src/db/react/open.ts')}`;
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname === databaseCode,
    (route) => held.then(() => route.continue()).catch(() => undefined),
  );
  for (const [path, heading] of SCREENS) {
    await page.goto(path);
    await expect(page.getByRole('banner')).toBeVisible(); // the shell's header (on a phone, its navigation sits behind « Menu »)
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByText('Ouverture de la bibliothèque…')).toBeVisible();
  }
  release();
  // The last screen, once the database is open: the list itself.
  await expect(page.getByRole('heading', { level: 1, name: 'Initiatives' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Nouvelle initiative' })).toBeVisible();
  await expect(page.getByText('Ouverture de la bibliothèque…')).toBeHidden();
});
