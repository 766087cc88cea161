import { expect, test } from './fixtures.ts';

declare global {
  interface Window {
    installChoices: string[];
  }
}

/**
 * Chromium's `beforeinstallprompt` often fires before the app has started.
 * Here a synthetic one is dispatched as soon as the document is parsed, on
 * every load: before the app's code has run (it starts after the first
 * paint). The page's first script keeps it; the app offers installation.
 */
test('the install offer is caught on every load, and shown in plain sight once the reader comes back for more', async ({
  page,
}) => {
  await page.addInitScript(() => {
    window.installChoices = [];
    document.addEventListener('DOMContentLoaded', () => {
      const event = new Event('beforeinstallprompt', { cancelable: true }) as Event & {
        prompt(): Promise<void>;
        userChoice: Promise<{ outcome: string }>;
      };
      event.prompt = async () => {
        window.installChoices.push('prompted');
      };
      event.userChoice = Promise.resolve({ outcome: 'dismissed' });
      window.dispatchEvent(event);
    });
  });
  const footerInstall = page.getByRole('contentinfo').getByRole('button', { name: "Installer l'application" });
  const offer = page.getByRole('region', { name: "Installer l'application" });
  for (let load = 0; load < 3; load++) {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: "Partir d'un besoin" })).toBeVisible();
    await expect(footerInstall).toBeVisible();
    // Not pushed on a first look.
    await expect(offer).toBeHidden();
  }

  await page.goto('/ressources/kit-faire-alliance');
  await expect(page.getByRole('heading', { level: 1, name: /alliance/ })).toBeVisible();
  // The heading comes with the server's first page: the kit counts as opened once the app runs.
  await expect(footerInstall).toBeVisible();
  await expect.poll(() => page.evaluate(() => localStorage.getItem('interest-texts'))).toContain('kit-faire-alliance');
  await expect(offer).toBeHidden();
  await page.goto('/ressources/kit-cartographier-son-ecosysteme');
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: "Installer l'application" }).click();
  await expect.poll(() => page.evaluate(() => window.installChoices)).toEqual(['prompted']);
  // Used once: the browser offers it again on a later load.
  await expect(offer).toBeHidden();

  await page.reload();
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: 'Plus tard' }).click();
  await expect(offer).toBeHidden();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: /cartographier/i })).toBeVisible();
  await expect(footerInstall).toBeVisible();
  await expect(offer).toBeHidden();
});
