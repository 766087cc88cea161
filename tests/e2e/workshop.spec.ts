import type { Browser, Page } from '@playwright/test';
import { expect, seriousAccessibilityViolations, test, waitForServiceWorker } from './fixtures.ts';
import { AccountScreen, newPerson, WorkspacesScreen } from './pages/account.ts';
import { InitiativeFormScreen } from './pages/initiatives.ts';
import { feedbackOnServer } from './server.ts';
import { BoardScreen, ParticipantScreen, ProjectorScreen, WorkshopFormScreen } from './pages/workshops.ts';

const STAMP = Date.now();

async function expectAccessible(page: Page) {
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
}

/** A page in a fresh browser context (another phone), its uncaught errors collected. */
async function newPhone(browser: Browser) {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

test('a workshop prepared from a kit, run with a projector, a member and a guest who goes offline', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  // The facilitator: an account, a group, a workshop prepared from a kit.
  const facilitator = newPerson('Camille');
  const group = `Atelier mobilité ${STAMP}`;
  const account = new AccountScreen(page);
  await account.open();
  await account.register(facilitator);
  await account.expectSignedInAs(facilitator);
  const spaces = new WorkspacesScreen(page);
  await spaces.open();
  await spaces.create(group);
  const inviteCode = (await spaces.inviteCode().textContent())!;

  await page.goto('/ateliers');
  await expect(page.getByRole('heading', { level: 1, name: 'Ateliers' })).toBeVisible();
  await expectAccessible(page);
  const form = new WorkshopFormScreen(page);
  await form.open();
  await form.fill({
    title: `Mobilités du Val ${STAMP}`,
    startsAt: '2026-12-03T18:30',
    commune: ['redon', /^Redon \(35\)/],
    group,
    kit: /Construire une alliance locale/,
  });
  await expect(form.step(1).title).toHaveValue('À quoi sert ce kit');
  await form.step(1).title.fill('Tour de table');
  await form.step(1).question.fill('Qu’est-ce qui vous amène ce soir ?');
  await form.step(1).minutes.fill('10');
  await page.getByRole('button', { name: 'Retirer l’étape 2' }).click();
  await page.getByRole('button', { name: 'Descendre l’étape 1' }).click();
  await page.getByRole('button', { name: 'Monter l’étape 2' }).click();
  await expect(page.getByRole('heading', { name: 'Fiches du kit à imprimer' })).toBeVisible();
  await expectAccessible(page);
  await form.save();

  await expect(page.getByRole('heading', { level: 1, name: `Mobilités du Val ${STAMP}` })).toBeVisible();
  const code = (await page.locator('.workshop-code').textContent())!;
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await expect(page.getByRole('img', { name: /^QR code de l’atelier/ })).toBeVisible();
  const invitation = await page.getByLabel('Invitation à envoyer (e-mail ou SMS)').inputValue();
  expect(invitation).toContain('un téléphone qui n’a jamais ouvert l’application en a besoin une fois');
  const link = invitation.split('\n').find((line) => line.includes('/atelier/'))!;
  expect(link).toMatch(/\/atelier\/[A-Z0-9]{8}#[A-Za-z0-9_-]+$/);
  await expectAccessible(page);
  const workshopUrl = page.url();

  // A participant with an account joins the group and takes part under their name.
  const member = await newPhone(browser);
  const memberAccount = new AccountScreen(member.page);
  await memberAccount.open();
  const sacha = newPerson('Sacha');
  await memberAccount.register(sacha);
  await memberAccount.expectSignedInAs(sacha);
  const memberSpaces = new WorkspacesScreen(member.page);
  await memberSpaces.open();
  await memberSpaces.join(inviteCode);
  await expect(member.page.getByRole('heading', { level: 1, name: group })).toBeVisible();
  await member.page.goto(`/atelier/${code.replace('-', '')}`);
  const memberScreen = new ParticipantScreen(member.page);
  await expect(member.page.getByRole('heading', { name: 'Contribuer' })).toBeVisible();
  await expect(member.page.getByRole('heading', { name: /Étape 1 sur \d+ : Tour de table/ })).toBeVisible();
  await memberScreen.post('Un minibus partagé entre trois communes', 'Idée', 'Faire alliance');
  await memberScreen.post('Minibus commun aux trois villages', 'Idée');

  // A guest opens the invitation link: no account, a name, the workshop on the phone.
  const guest = await newPhone(browser);
  await guest.page.goto(link);
  await expect(
    guest.page.getByRole('heading', { name: `Rejoindre l’atelier « Mobilités du Val ${STAMP} »` }),
  ).toBeVisible();
  await expectAccessible(guest.page);
  const guestScreen = new ParticipantScreen(guest.page);
  await guestScreen.join('Dominique');
  await waitForServiceWorker(guest.page);
  await guestScreen.post('Le garage solidaire de Redon', 'Acteur à associer');
  await expect(guestScreen.mine()).toContainText('envoyée');
  await expectAccessible(guest.page);

  // The projector shows the step, its question, the timer, how to join and the wall.
  await page.goto(`${workshopUrl}/projection`);
  const projector = new ProjectorScreen(page);
  await expect(projector.step()).toHaveText('Tour de table');
  await expect(page.getByText('Qu’est-ce qui vous amène ce soir ?')).toBeVisible();
  await expect(projector.timer()).toContainText('10:00');
  await expect(page.getByText(code)).toBeVisible();
  await expect(page.getByText(/a besoin du réseau une fois/)).toBeVisible();
  await expect(projector.wall()).toContainText('Un minibus partagé entre trois communes');
  await expect(projector.wall()).toContainText('Le garage solidaire de Redon');
  await expectAccessible(page);

  // The guest's network goes: a contribution and a dot wait on the phone.
  await guest.context.setOffline(true);
  await guestScreen.post('Covoiturage vers le marché du samedi', 'Besoin');
  await expect(guestScreen.mine().getByRole('listitem').filter({ hasText: 'Covoiturage' })).toContainText(
    'en attente d’envoi',
  );
  await guestScreen.giveDot('Un minibus partagé');
  await expect(guest.page.getByText('Gommettes restantes : 2 sur 3')).toBeVisible();
  await expectAccessible(guest.page);

  // Pooling without network: the phone shows what waits as a QR code, the facilitator's device reads
  // its picture (no camera in the test); read twice, it is added once.
  await guest.page.getByRole('link', { name: 'Partager sans réseau' }).click();
  const qr = guest.page.getByRole('img', { name: 'QR code 1 sur 1 des contributions à partager' });
  await expect(qr).toBeVisible();
  const picture = await qr.screenshot();
  const receiver = await page.context().newPage();
  await receiver.goto(`${workshopUrl}/recevoir`);
  for (const added of [
    'Ajouté à l’atelier : 1 contribution ajoutée ; 1 lot de gommettes ajouté.',
    'Ajouté à l’atelier : 0 contribution ajoutée, 1 déjà présente ; 0 lot de gommettes ajouté, 1 déjà présent.',
  ]) {
    const chooser = receiver.waitForEvent('filechooser');
    await receiver.getByRole('button', { name: 'Lire des photos des codes' }).click();
    await (await chooser).setFiles({ name: 'code.png', mimeType: 'image/png', buffer: picture });
    await expect(receiver.getByText('Reçu : 1 contribution et 1 gommette.')).toBeVisible({ timeout: 20_000 });
    await receiver.getByRole('button', { name: 'Ajouter à l’atelier' }).click();
    await expect(receiver.getByText(added)).toBeVisible();
  }
  await receiver.close();
  // The facilitator's device sends it on: the wall has it while the phone is still offline.
  await expect(projector.wall()).toContainText('Covoiturage vers le marché du samedi');
  await expect(projector.wall().getByRole('listitem').filter({ hasText: 'Un minibus' })).toContainText('1 gommette');
  await guest.page.goBack();

  // The facilitator runs the workshop from a phone: start, pause, extend, highlight.
  const controls = await page.context().newPage();
  await controls.goto(`${workshopUrl}/animer`);
  await expect(controls.getByRole('heading', { level: 1, name: 'Animer l’atelier' })).toBeVisible();
  await controls.getByRole('button', { name: 'Démarrer l’atelier' }).click();
  await controls.getByRole('button', { name: 'Prolonger de 5 min' }).click();
  await controls.getByRole('button', { name: 'Pause' }).click();
  await expect(controls.getByRole('timer', { name: 'Temps restant' })).toContainText('(en pause)');
  await expect(projector.timer()).toContainText(/1[45]:\d\d \(en pause\)/);
  const highlight = controls
    .getByRole('listitem')
    .filter({ hasText: 'Le garage solidaire' })
    .getByRole('button', { name: 'Mettre en avant' });
  await highlight.click();
  // Written on the device first (the button says so), then shown by the projector's tab.
  await expect(highlight).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel('Contribution mise en avant')).toHaveText('Le garage solidaire de Redon');
  await expectAccessible(controls);

  // Back online, the phone sends what waited: it arrived already by QR code, so it merges once.
  await guest.context.setOffline(false);
  await expect(guestScreen.mine().getByRole('listitem').filter({ hasText: 'Covoiturage' })).toContainText('envoyée');
  await expect(projector.wall().getByRole('listitem').filter({ hasText: 'Covoiturage' })).toHaveCount(1);
  await expect(projector.wall().getByRole('listitem').filter({ hasText: 'Un minibus' })).toContainText('1 gommette');

  // Next step, on every screen.
  await controls.getByRole('button', { name: 'Étape suivante' }).click();
  await expect(projector.step()).not.toHaveText('Tour de table');
  const second = (await projector.step().textContent())!;
  await expect(guest.page.getByRole('heading', { name: new RegExp(`Étape 2 sur \\d+ : ${second}`) })).toBeVisible();

  // Once finished, the workshop refuses new contributions and says so.
  controls.once('dialog', (dialog) => void dialog.accept());
  await controls.getByRole('button', { name: 'Terminer l’atelier' }).click();
  await expect(page.getByText('Atelier terminé')).toBeVisible();
  await expect(guest.page.getByText('Cet atelier est terminé')).toBeVisible();

  // The participants are invited to the evaluation survey: the answer names the workshop.
  await guest.page.getByRole('link', { name: 'Donner votre avis sur l’atelier' }).click();
  await expect(guest.page.getByText(`Après l’atelier « Mobilités du Val ${STAMP} »`)).toBeVisible();
  await guest.page.getByRole('group', { name: 'Utilité de l’atelier' }).getByLabel('Très utile').check();
  await guest.page.getByRole('button', { name: 'Envoyer mon avis' }).click();
  await expect(guest.page.getByRole('heading', { name: 'Merci !' })).toBeVisible();
  const workshopId = `atelier-${code.replace('-', '').toLowerCase()}`;
  await expect
    .poll(() => feedbackOnServer().map((body) => JSON.parse(body) as { workshopId?: string; workshopScore?: number }))
    .toContainEqual(expect.objectContaining({ workshopId, workshopScore: 4 }));

  // The board: a duplicate merged, a group, tags, and a contribution turned into an initiative.
  await page.goto(`${workshopUrl}/tableau`);
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau des contributions' })).toBeVisible();
  const board = new BoardScreen(page);
  await board.select('Un minibus partagé', 'Minibus commun');
  await page.getByRole('button', { name: 'Fusionner les doublons' }).click();
  await expect(page.getByText('1 doublon fusionné dans « Un minibus partagé entre trois communes ».')).toBeVisible();
  await expect(board.card('Un minibus partagé')).toContainText('Doublons fusionnés ici');
  await board.select('Un minibus partagé', 'Covoiturage');
  await page.getByLabel('Nom du groupe (nouveau ou existant)').fill('Se déplacer');
  await page.getByRole('button', { name: 'Regrouper' }).click();
  await expect(page.getByRole('heading', { name: 'Groupe « Se déplacer » (2)' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Groupe « Se déplacer »' })).toContainText('Covoiturage');
  await board.card('Le garage solidaire').getByRole('button', { name: 'Étiqueter' }).click();
  await expectAccessible(page);
  await board.card('Le garage solidaire').getByRole('checkbox', { name: 'Faire alliance' }).check();
  await board
    .card('Le garage solidaire')
    .getByRole('checkbox', { name: /^ODD 11 / })
    .check();
  await page.getByRole('button', { name: 'Enregistrer les étiquettes' }).click();
  await expect(board.card('Le garage solidaire')).toContainText('Étiquettes : Faire alliance, ODD 11');
  await board.card('Le garage solidaire').getByRole('button', { name: 'En faire une initiative' }).click();
  const initiative = new InitiativeFormScreen(page);
  await expect(page.getByText(/^Formulaire pré-rempli depuis la contribution « Le garage solidaire/)).toBeVisible();
  await expect(initiative.title()).toHaveValue('Le garage solidaire de Redon');
  await expect(initiative.commune()).toHaveValue(/Redon/);
  await expect(initiative.need('Faire alliance')).toBeChecked();
  await initiative.stage('Idée').check();
  await initiative.save();
  await expect(page.getByRole('heading', { level: 1, name: 'Le garage solidaire de Redon' })).toBeVisible();
  await page.goto(`${workshopUrl}/tableau`);
  await expect(
    board.card('Le garage solidaire').getByRole('link', { name: 'Le garage solidaire de Redon' }),
  ).toBeVisible();

  // The report, the same evening: the agenda as run, the contributions with their dots.
  await page.goto(`${workshopUrl}/compte-rendu`);
  await expect(page.getByRole('heading', { level: 1, name: `Compte rendu : Mobilités du Val ${STAMP}` })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Les contributions les plus soutenues' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Un minibus partagé entre trois communes');
  await expect(page.getByRole('main')).toContainText('Covoiturage vers le marché du samedi');
  await expect(page.getByRole('region', { name: 'Initiatives enregistrées' })).toContainText(
    'Le garage solidaire de Redon',
  );
  await expectAccessible(page);

  expect(member.errors).toEqual([]);
  expect(guest.errors).toEqual([]);
  await member.context.close();
  await guest.context.close();
});
