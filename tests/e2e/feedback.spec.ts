import { expect, seriousAccessibilityViolations, test, waitForServiceWorker } from './fixtures.ts';
import { feedbackOnServer } from './server.ts';

test('feedback given offline without an account is sent when the network returns', async ({ page, context }) => {
  await page.goto('/avis');
  await expect(page.getByRole('heading', { name: 'Donner mon avis' })).toBeVisible();
  await waitForServiceWorker(page);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  await context.setOffline(true);
  await page.getByRole('button', { name: 'Envoyer mon avis' }).click();
  await expect(page.getByText('Notez au moins un besoin ou écrivez quelques mots.')).toBeVisible();

  const marker = `Des cas en zone de montagne ${Date.now()}`;
  await page
    .getByRole('group', { name: /Faire alliance/ })
    .getByLabel('Très utile')
    .check();
  await page.getByLabel('Ce qui vous manque').fill(marker);
  await page.getByRole('button', { name: 'Envoyer mon avis' }).click();
  await expect(page.getByText('il partira dès que le réseau reviendra')).toBeVisible();
  expect(feedbackOnServer().some((body) => body.includes(marker))).toBe(false);

  await context.setOffline(false);
  await expect.poll(() => feedbackOnServer().find((body) => body.includes(marker))).toBeTruthy();
  const sent = JSON.parse(feedbackOnServer().find((body) => body.includes(marker))!);
  expect(sent).toMatchObject({ ownerId: null, usefulness: [{ need: 'faire-alliance', score: 4 }], missing: marker });
});
