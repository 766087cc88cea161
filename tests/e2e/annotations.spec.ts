import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { expect, seriousAccessibilityViolations, test, waitForServiceWorker } from './fixtures.ts';
import { AccountScreen, newPerson, WorkspacesScreen, type Person } from './pages/account.ts';
import { Highlighter } from './pages/highlights.ts';
import { typesetText } from '../../sync-server/src/library/typography.ts';
import { LIBRARY_DIR, runLibraryImport } from './server.ts';

const KIT = '/ressources/kit-definir-sa-strategie';

async function device(browser: Browser, person: Person, register: boolean) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const account = new AccountScreen(page);
  await account.open();
  if (register) await account.register(person);
  else await account.signIn(person.email, person.password);
  await expect(account.identity()).toBeVisible();
  return { context, page, highlighter: new Highlighter(page) };
}

test('a passage highlighted offline survives a reload, then reaches my other device and my group', async ({
  browser,
}) => {
  const mayor = newPerson('Maire');
  const deputy = newPerson('Adjointe');
  const laptop = await device(browser, mayor, true);
  const groups = new WorkspacesScreen(laptop.page);
  await groups.open();
  await groups.create('Conseil municipal');
  const code = (await groups.inviteCode().textContent())!;
  const colleague = await device(browser, deputy, true);
  const colleagueGroups = new WorkspacesScreen(colleague.page);
  await colleagueGroups.open();
  await colleagueGroups.join(code);
  await expect(colleague.page.getByRole('heading', { level: 1, name: 'Conseil municipal' })).toBeVisible();

  // The mayor opens the kit once with the network, then loses it.
  await laptop.page.goto(KIT);
  await waitForServiceWorker(laptop.page);
  const passage = laptop.page.locator('.prose .block-paragraph').nth(2);
  const quote = (await passage.textContent())!.trim();
  // The app has learnt the mayor's groups (it keeps them for offline use).
  await expect(
    laptop.page
      .getByRole('region', { name: 'Mes notes' })
      .getByRole('option', { name: 'Groupe « Conseil municipal »' }),
  ).toBeAttached();
  await laptop.context.setOffline(true);
  await laptop.highlighter.select(passage);
  await expect(laptop.highlighter.bar()).toBeVisible();
  expect(await seriousAccessibilityViolations(laptop.page)).toEqual([]);
  await laptop.highlighter.highlight({ color: 'Vert', note: 'À présenter au conseil', group: 'Conseil municipal' });
  await expect(laptop.highlighter.highlightWithNote('À présenter au conseil')).toBeVisible();

  await laptop.page.reload();
  const mark = laptop.highlighter.highlightWithNote('À présenter au conseil');
  await expect(mark).toBeVisible();
  await mark.focus();
  await laptop.page.keyboard.press('Enter');
  const dialog = laptop.page.getByRole('dialog', { name: 'Annotation' });
  await expect(dialog.getByText(quote.slice(0, 60))).toBeVisible();
  await expect(dialog.getByText('À présenter au conseil')).toBeVisible();
  await dialog.getByRole('button', { name: 'Fermer' }).click();
  await expect(mark).toBeFocused();

  await laptop.context.setOffline(false);
  await expect(laptop.page.getByRole('status').filter({ hasText: /^À jour/ })).toBeVisible();

  // The mayor's phone.
  const phone = await device(browser, mayor, false);
  await phone.page.goto(KIT);
  await expect(phone.highlighter.highlightWithNote('À présenter au conseil')).toBeVisible();

  // The deputy, in the same group: the group's annotations shown by default, with their author.
  await colleague.page.goto(KIT);
  const shared = colleague.highlighter.highlightWithNote('À présenter au conseil', 'Maire');
  await expect(shared).toBeVisible();
  await expect(colleague.highlighter.groupToggle()).toBeChecked();
  // Turned off, they stay off across a reload (and come back when turned on).
  await colleague.highlighter.groupToggle().uncheck();
  await expect(shared).toBeHidden();
  await colleague.page.reload();
  await expect(colleague.highlighter.groupToggle()).not.toBeChecked();
  await expect(shared).toBeHidden();
  await colleague.highlighter.groupToggle().check();
  await expect(shared).toBeVisible();

  // The deputy shares a note of her own with the group.
  const notesForm = colleague.page.getByRole('region', { name: 'Mes notes' });
  await notesForm.getByLabel('Nouvelle note').fill('Voir avec l’intercommunalité');
  await notesForm.getByLabel('Visible par').selectOption({ label: 'Groupe « Conseil municipal »' });
  await notesForm.getByRole('button', { name: 'Enregistrer la note' }).click();
  await expect(notesForm.getByLabel('Nouvelle note')).toHaveValue('');

  // The group's view: every shared note with its author, filtered by author, exported.
  await colleague.page.goto('/annotations');
  await colleague.page.getByRole('link', { name: 'Notes du groupe « Conseil municipal »' }).click();
  await expect(
    colleague.page.getByRole('heading', { level: 1, name: 'Notes du groupe « Conseil municipal »' }),
  ).toBeVisible();
  const notes = colleague.page.getByRole('list', { name: 'Notes du groupe' });
  await expect(notes.getByRole('listitem').filter({ hasText: 'À présenter au conseil' })).toContainText('par Maire');
  await expect(notes.getByRole('listitem').filter({ hasText: 'Voir avec l’intercommunalité' })).toContainText(
    'par vous',
  );
  await colleague.page.getByLabel('Auteur').selectOption({ label: 'Maire' });
  await expect(notes.getByRole('listitem')).toHaveCount(1);
  await expect(notes.getByRole('listitem')).toContainText('À présenter au conseil');
  await expect(colleague.page).toHaveURL(/auteur=/);
  expect(await seriousAccessibilityViolations(colleague.page)).toEqual([]);
  const download = colleague.page.waitForEvent('download');
  await colleague.page.getByRole('button', { name: 'Exporter en Markdown' }).click();
  const markdown = readFileSync((await (await download).path())!, 'utf8');
  expect(markdown).toMatch(/^# Notes du groupe « Conseil municipal »/);
  expect(markdown).toContain('À présenter au conseil');
  expect(markdown).toContain('Maire');
  expect(markdown).not.toContain('intercommunalité');

  for (const d of [laptop, phone, colleague]) await d.context.close();
});

test('with the keyboard alone, a passage typed in the notes form is highlighted in place', async ({ page }) => {
  await page.goto(KIT);
  const highlighter = new Highlighter(page);
  const paragraph = page.locator('.prose .block-paragraph').nth(4);
  const words = (await paragraph.textContent())!.trim().split(/\s+/).slice(3, 9).join(' ');
  const section = (await paragraph.evaluate((el) => {
    let node = el.previousElementSibling;
    while (node && !node.matches('.block-heading:has(h2)')) node = node.previousElementSibling;
    return node?.textContent ?? '';
  }))!;
  await highlighter.highlightTyped(section, words.toUpperCase(), 'Retenu pour la réunion');
  const mark = highlighter.highlightWithNote('Retenu pour la réunion');
  await expect(mark).toBeVisible();
  const id = await mark.getAttribute('data-annotation');
  const marked = await page
    .locator(`mark[data-annotation="${id}"]`)
    .evaluateAll((marks) => marks.map((m) => m.textContent).join(''));
  expect(marked).toBe(words);
  await highlighter.highlightTyped(section, 'une phrase absente de ce kit', 'Introuvable');
  await expect(page.getByRole('region', { name: 'Mes notes' }).getByRole('alert')).toContainText(
    'Ce passage n’a pas été trouvé',
  );
});

test('an annotation whose passage left the kit is listed as detached, with its quote and note', async ({ page }) => {
  const kit = '/ressources/kit-evaluer-la-pertinence';
  const file = join(LIBRARY_DIR, 'kits/kit-evaluer-la-pertinence.md');
  const original = readFileSync(file, 'utf8');
  await page.goto(kit);
  const paragraphs = page.locator('.prose .block-paragraph');
  await expect(paragraphs.first()).toBeVisible();
  // A paragraph written as one plain line in the source, to remove it there
  // (the reader shows it typeset: typographic apostrophes, non-breaking spaces).
  const lines = new Map(original.split('\n').map((line) => [typesetText(line.trim()), line.trim()]));
  const texts = (await paragraphs.allTextContents()).map((t) => t.trim());
  const index = texts.findIndex((text, i) => i > 1 && lines.has(text));
  expect(index).toBeGreaterThan(0);
  const shown = texts[index]!;
  const removed = lines.get(shown)!;

  const highlighter = new Highlighter(page);
  await highlighter.select(paragraphs.nth(index));
  await highlighter.highlight({ color: 'Rose', note: 'Chiffre à vérifier <img src=x onerror="window.pwned=1">' });
  await expect(highlighter.highlightWithNote('Chiffre à vérifier <img src=x onerror="window.pwned=1">')).toBeVisible();
  // A note is text: the markup shows as typed and never runs.
  await expect(page.getByText('Chiffre à vérifier <img src=x onerror="window.pwned=1">')).toBeVisible();
  expect(await page.evaluate(() => 'pwned' in window)).toBe(false);

  writeFileSync(file, original.replace(`${removed}\n`, ''));
  try {
    runLibraryImport();
    const detached = highlighter.detached();
    await expect(detached.getByText('Chiffre à vérifier')).toBeVisible();
    await expect(detached.getByText(shown.slice(0, 60))).toBeVisible();
    await expect(highlighter.highlightWithNote('Chiffre à vérifier')).toBeHidden();

    // Listed with the others in « Mes annotations » (on a phone, the sections are behind « Menu »).
    await page.getByRole('button', { name: 'Menu' }).click();
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Annotations' })
      .click();
    await expect(page.getByRole('list', { name: 'Annotations' }).getByText('Chiffre à vérifier')).toBeVisible();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Exported as Web Annotation JSON, and imported back: nothing is duplicated.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter en JSON (Web Annotation)' }).click(),
    ]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(exported.type).toBe('AnnotationCollection');
    await page.getByLabel('Importer un fichier JSON').setInputFiles(await download.path());
    await expect(page.getByRole('status').filter({ hasText: /ajoutée/ })).toContainText(
      '0 annotation(s) ajoutée(s), 0 mise(s) à jour, 1 déjà présente(s).',
    );
    await expect(page.getByRole('list', { name: 'Annotations' }).getByRole('listitem')).toHaveCount(1);
  } finally {
    writeFileSync(file, original);
    runLibraryImport();
  }
});
