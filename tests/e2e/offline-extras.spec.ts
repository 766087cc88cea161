import { expect, test, waitForOfflineExtras, waitForServiceWorker } from './fixtures.ts';
import { HomePage } from './pages/home.ts';
import { InitiativeFormScreen } from './pages/initiatives.ts';

test('the install leaves the commune list out; after the library, the form finds communes offline on its first opening', async ({
  page,
  context,
}) => {
  const precached = await page.request.get('/sw.js').then((r) => r.text());
  expect(precached).not.toMatch(/communes\.generated/);

  const home = new HomePage(page);
  await home.open();
  await home.expectLibraryLoaded();
  await waitForServiceWorker(page);
  await waitForOfflineExtras(page);

  await context.setOffline(true);
  await page.goto('/initiatives/nouvelle');
  const form = new InitiativeFormScreen(page);
  await form.pickCommune('redon', /^Redon \(35\)/);
  await expect(form.commune()).toHaveValue('Redon (35)');
  await context.setOffline(false);
});
