import type { Page } from '@playwright/test';
import QRCode from 'qrcode';
import { expect, seriousAccessibilityViolations, test, waitForServiceWorker } from './fixtures.ts';
import { AccountScreen, newPerson, WorkspacesScreen } from './pages/account.ts';

/** Uncaught errors of a page opened outside the `page` fixture (a second browser context). */
function recordErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test('create an account, sign out, sign in again', async ({ page }) => {
  const account = new AccountScreen(page);
  const camille = newPerson('Camille');
  await account.open();
  await expect(page.getByText(/L’application fonctionne entièrement sans compte/)).toBeVisible();
  await expect(account.signInForm()).toBeVisible();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  // The form says what is wrong, field by field, before anything is sent.
  await account.register({ ...camille, email: 'camille.exemple.fr', password: 'court' });
  const email = account.signUpForm().getByLabel('Adresse e-mail');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(/n'est pas valide/);
  await expect(account.signUpForm().getByLabel('Mot de passe', { exact: true })).toHaveAccessibleDescription(
    /au moins 10 caractères \(il en compte 5\)/,
  );
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  await account.register(camille);
  await expect(page.getByText(`Compte créé : bienvenue, ${camille.displayName} !`)).toBeVisible();
  await account.expectSignedInAs(camille);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  // The session is kept on the device.
  await page.reload();
  await account.expectSignedInAs(camille);

  // What the screens showed is kept for the next visit (src/db/screen-snapshots.ts), the name with it...
  const snapshotsNaming = (name: string) =>
    page.evaluate(
      (text) => Object.keys(localStorage).filter((k) => k.startsWith('ecran:') && localStorage[k].includes(text)),
      name,
    );
  await expect.poll(() => snapshotsNaming(camille.displayName)).not.toEqual([]);
  await account.signOut();
  await expect(page.getByText('Déconnexion effectuée sur cet appareil.')).toBeVisible();
  await expect(account.signInForm()).toBeVisible();
  // ...and forgotten when signing out.
  expect(await snapshotsNaming(camille.displayName)).toEqual([]);

  // The same address cannot make a second account; a wrong password is refused.
  await account.register(camille);
  await expect(account.signUpForm().getByLabel('Adresse e-mail')).toHaveAccessibleDescription(
    'Un compte existe déjà avec cette adresse.',
  );
  await account.signIn(camille.email, 'pas le bon mot de passe');
  await expect(account.signInForm().getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.');

  // Signed out, the groups page explains and leads to /compte, then back.
  await new WorkspacesScreen(page).open();
  await page.getByRole('link', { name: 'Se connecter ou créer un compte' }).click();
  await expect(page).toHaveURL(/\/compte\?retour=%2Fespaces$/);
  await account.signIn(camille.email.toUpperCase(), camille.password);
  await expect(page).toHaveURL(/\/espaces$/);
  await expect(page.getByText(/Vous ne faites partie d’aucun espace/)).toBeVisible();
  await page.goto('/compte');
  await account.expectSignedInAs(camille);
});

test('signing out without network still signs out on this device, and says so', async ({ page, context }) => {
  const account = new AccountScreen(page);
  const dominique = newPerson('Dominique');
  await account.open();
  await account.register(dominique);
  await account.expectSignedInAs(dominique);
  await context.setOffline(true);
  await account.signOut();
  await expect(page.getByText(/le serveur n’a pas pu en être informé/)).toBeVisible();
  await expect(account.signInForm()).toBeVisible();
  await account.signIn(dominique.email, dominique.password);
  await expect(account.signInForm().getByRole('alert')).toHaveText(
    'Pas de connexion : réessayez quand le réseau sera revenu.',
  );
  await context.setOffline(false);
});

test('a group: its owner shows the code and QR, another person joins with the code typed loosely', async ({
  page,
  browser,
}) => {
  const owner = newPerson('Alix');
  const groupName = `Atelier du ${Date.now()}`;
  await new AccountScreen(page).open();
  await new AccountScreen(page).register(owner);
  await new AccountScreen(page).expectSignedInAs(owner);

  const spaces = new WorkspacesScreen(page);
  await spaces.open();
  await spaces.create(groupName);
  await expect(page).toHaveURL(/\/espaces\/[\w-]+$/);
  const workspaceUrl = page.url();
  await expect(spaces.inviteCode()).toBeVisible();
  const code = (await spaces.inviteCode().textContent())!;
  await expect(spaces.qrCode()).toBeVisible();
  await expect(spaces.qrCode()).toHaveAttribute('src', /^data:image\/svg\+xml;charset=utf-8,/);
  expect(await spaces.qrCode().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(spaces.member(owner.displayName)).toContainText('propriétaire');
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  // Someone else, on another device, types the code in lower case without the hyphen.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  const otherErrors = recordErrors(other);
  const member = newPerson('Sacha');
  const otherAccount = new AccountScreen(other);
  await otherAccount.open();
  await otherAccount.register(member);
  await otherAccount.expectSignedInAs(member);
  const otherSpaces = new WorkspacesScreen(other);
  await otherSpaces.open();
  await otherSpaces.join(code.replace('-', '').toLowerCase());
  await expect(other.getByRole('heading', { level: 1, name: groupName })).toBeVisible();
  await expect(otherSpaces.member(owner.displayName)).toContainText('propriétaire');
  await expect(otherSpaces.member(`${member.displayName} (vous)`)).toContainText('membre');
  await expect(otherSpaces.inviteCode()).toHaveCount(0);
  expect(await seriousAccessibilityViolations(other)).toEqual([]);

  await spaces.refreshMembers();
  await expect(spaces.members()).toHaveCount(2);
  await expect(spaces.member(member.displayName)).toContainText('membre');

  // « Changer le code »: the old one stops working.
  await spaces.confirm('Changer le code', 'Changer le code');
  await expect(page.getByText(/^Nouveau code : /)).toBeVisible();
  await expect(spaces.inviteCode()).not.toHaveText(code);
  const newCode = (await spaces.inviteCode().textContent())!;

  // « Retirer »: the member no longer sees the group.
  await spaces.confirm(`Retirer ${member.displayName}`, 'Retirer');
  await expect(spaces.members()).toHaveCount(1);
  await other.reload();
  await expect(other.getByText("Cet espace n'existe pas ou vous n'en êtes plus membre.")).toBeVisible();

  // The QR code's link opens the join form, filled in.
  await other.goto(`/espaces/rejoindre?code=${newCode}`);
  await expect(otherSpaces.joinForm().getByLabel('Code d’invitation')).toHaveValue(newCode);
  await otherSpaces.joinForm().getByRole('button', { name: 'Rejoindre l’espace' }).click();
  await expect(other).toHaveURL(workspaceUrl);
  await expect(otherSpaces.members()).toHaveCount(2);

  await otherContext.close();
  expect(otherErrors).toEqual([]);
});

test('« Scanner un QR code » reads the code with the camera, then turns the camera off', async ({ page }) => {
  // Desktop Chromium on Linux has no camera and no BarcodeDetector: the camera films a canvas showing a real
  // QR code of a join URL, blank for its first frames, and the app's WebAssembly reader (zxing-wasm) reads it.
  const qr = await QRCode.toDataURL('https://terrain.example/espaces/rejoindre?code=wxyz-2345', {
    margin: 4,
    width: 400,
  });
  await page.addInitScript((qrImage) => {
    const tracks: MediaStreamTrack[] = [];
    (window as unknown as { cameraTracks: MediaStreamTrack[] }).cameraTracks = tracks;
    Object.defineProperty(navigator, 'mediaDevices', {
      value: {
        enumerateDevices: async () => [{ kind: 'videoinput', deviceId: 'fake', label: '', groupId: '' }],
        getUserMedia: async () => {
          const canvas = document.createElement('canvas');
          canvas.width = 480;
          canvas.height = 480;
          const context = canvas.getContext('2d')!;
          const image = new Image();
          image.src = qrImage;
          let frames = 0;
          setInterval(() => {
            context.fillStyle = '#fff';
            context.fillRect(0, 0, 480, 480);
            if (++frames > 10) context.drawImage(image, 40, 40);
          }, 50);
          const stream = canvas.captureStream(20);
          tracks.push(...stream.getTracks());
          return stream;
        },
      },
    });
    delete (window as { BarcodeDetector?: unknown }).BarcodeDetector;
  }, qr);
  const account = new AccountScreen(page);
  await account.open();
  await account.register(newPerson('Lou'));
  await expect(account.identity()).toBeVisible();
  const spaces = new WorkspacesScreen(page);
  await spaces.open();
  await spaces.joinForm().getByRole('button', { name: 'Scanner un QR code' }).click();
  await expect(page.getByRole('button', { name: 'Fermer la caméra' })).toBeVisible();
  await expect(spaces.joinForm().getByLabel('Code d’invitation')).toHaveValue('WXYZ-2345');
  await expect(page.getByText(/^Code lu : WXYZ-2345/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Fermer la caméra' })).toBeHidden();
  await expect(spaces.joinForm().getByRole('button', { name: 'Rejoindre l’espace' })).toBeFocused();
  const states = await page.evaluate(() =>
    (window as unknown as { cameraTracks: MediaStreamTrack[] }).cameraTracks.map((t) => t.readyState),
  );
  expect(states).toEqual(['ended']);
});

test('offline, « Mes espaces » and a group’s page show what the device knows, and joins (typed or from an invitation link) wait for the network then complete', async ({
  page,
  context,
  browser,
}) => {
  // Someone's group, and its code.
  const ownerContext = await browser.newContext();
  const ownerPage = await ownerContext.newPage();
  const ownerAccount = new AccountScreen(ownerPage);
  await ownerAccount.open();
  const owner = newPerson('Camille');
  await ownerAccount.register(owner);
  await ownerAccount.expectSignedInAs(owner);
  const ownerSpaces = new WorkspacesScreen(ownerPage);
  await ownerSpaces.open();
  const theirGroup = `Conseil ${Date.now()}`;
  await ownerSpaces.create(theirGroup);
  const code = (await ownerSpaces.inviteCode().textContent())!;
  await ownerSpaces.open();
  const linkedGroup = `Quartier ${Date.now()}`;
  await ownerSpaces.create(linkedGroup);
  const linkCode = (await ownerSpaces.inviteCode().textContent())!;
  await ownerContext.close();

  // A person with a group of their own, seen once with the network.
  const account = new AccountScreen(page);
  await account.open();
  const person = newPerson('Dominique');
  await account.register(person);
  await account.expectSignedInAs(person);
  const spaces = new WorkspacesScreen(page);
  await spaces.open();
  const ownGroup = `Village ${Date.now()}`;
  await spaces.create(ownGroup);
  const ownGroupPage = new URL(page.url()).pathname;
  // The group's page is kept for offline once it has shown what the server said of it.
  await expect(page.getByRole('list', { name: 'Membres' })).toContainText(person.displayName);
  // Left by its link, as a reader would: a reload here could cut the write that keeps the page.
  await page.getByRole('link', { name: 'Tous mes espaces' }).click();
  await expect(spaces.myWorkspaces().getByRole('link', { name: ownGroup })).toBeVisible();
  await waitForServiceWorker(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText(/^Hors ligne : voici les espaces que cet appareil connaît/)).toBeVisible();
  await expect(spaces.myWorkspaces().getByRole('link', { name: ownGroup })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  await spaces.join(code);
  const waiting = spaces
    .myWorkspaces()
    .getByRole('listitem')
    .filter({ hasText: `Espace au code ${code}` });
  await expect(waiting).toContainText('En attente de connexion');
  await expect(page.getByText(/attend sur cet appareil et partira d’elle-même au retour du réseau/)).toBeVisible();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await page.reload();
  await expect(waiting).toContainText('En attente de connexion');

  // The group's own page, offline: what the device saw of it, said as such.
  await spaces.myWorkspaces().getByRole('link', { name: ownGroup }).click();
  await expect(page).toHaveURL(ownGroupPage);
  await expect(page.getByRole('heading', { level: 1, name: ownGroup })).toBeVisible();
  await expect(page.getByText(/^Hors ligne : voici ce que cet appareil sait de cet espace/)).toBeVisible();
  await expect(page.getByRole('list', { name: 'Membres' })).toContainText(person.displayName);
  await expect(page.getByRole('link', { name: 'Les notes du groupe' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  // A join from an invitation link, offline, waits the same way.
  await page.goto(`/espaces/rejoindre?code=${linkCode}`);
  await spaces.joinForm().getByRole('button', { name: 'Rejoindre l’espace' }).click();
  await expect(page.getByText(/attend sur cet appareil et partira d’elle-même au retour du réseau/)).toBeVisible();
  await page.getByRole('link', { name: 'Tous mes espaces' }).click();
  const waitingFromLink = spaces
    .myWorkspaces()
    .getByRole('listitem')
    .filter({ hasText: `Espace au code ${linkCode}` });
  await expect(waitingFromLink).toContainText('En attente de connexion');

  // The network returns: the joins go by themselves, and the groups take their place in the list.
  await context.setOffline(false);
  await expect(spaces.myWorkspaces().getByRole('link', { name: theirGroup })).toBeVisible({ timeout: 30_000 });
  await expect(spaces.myWorkspaces().getByRole('link', { name: linkedGroup })).toBeVisible({ timeout: 30_000 });
  await expect(waiting).toHaveCount(0);
  await expect(waitingFromLink).toHaveCount(0);
  await expect(page.getByText(/^Hors ligne : voici les espaces/)).toBeHidden();
});
