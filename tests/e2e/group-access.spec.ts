import type { Browser } from '@playwright/test';
import { expect, seriousAccessibilityViolations, test, waitForServiceWorker } from './fixtures.ts';
import { AccountScreen, newPerson, WorkspacesScreen, type Person } from './pages/account.ts';
import { Highlighter } from './pages/highlights.ts';

const KIT = '/ressources/kit-definir-sa-strategie';

async function device(browser: Browser, person: Person) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const account = new AccountScreen(page);
  await account.open();
  await account.register(person);
  await expect(account.identity()).toBeVisible();
  return { context, page, highlighter: new Highlighter(page) };
}

test('removed from a group, a device forgets its annotations but keeps and shows the one it had not sent', async ({
  browser,
}) => {
  const mayor = newPerson('Maire');
  const deputy = newPerson('Adjointe');
  const owner = await device(browser, mayor);
  const groups = new WorkspacesScreen(owner.page);
  await groups.open();
  await groups.create('Conseil municipal');
  const code = (await groups.inviteCode().textContent())!;
  const member = await device(browser, deputy);
  const memberGroups = new WorkspacesScreen(member.page);
  await memberGroups.open();
  await memberGroups.join(code);
  await expect(member.page.getByRole('heading', { level: 1, name: 'Conseil municipal' })).toBeVisible();

  // The deputy shares a first note with the group, then writes a second one offline.
  await member.page.goto(KIT);
  await waitForServiceWorker(member.page);
  await expect(
    member.page
      .getByRole('region', { name: 'Mes notes' })
      .getByRole('option', { name: 'Groupe « Conseil municipal »' }),
  ).toBeAttached();
  const passages = member.page.locator('.prose .block-paragraph');
  await member.highlighter.select(passages.nth(1));
  await member.highlighter.highlight({ color: 'Vert', note: 'Partagée avec le conseil', group: 'Conseil municipal' });
  await expect(member.page.getByRole('status').filter({ hasText: /^À jour/ })).toBeVisible();
  await member.context.setOffline(true);
  await member.highlighter.select(passages.nth(2));
  await member.highlighter.highlight({ color: 'Vert', note: 'Écrite dans le train', group: 'Conseil municipal' });

  // Meanwhile the mayor removes the deputy from the group.
  await groups.refreshMembers();
  await groups.confirm(`Retirer ${deputy.displayName}`, 'Retirer');
  await expect(groups.members()).toHaveCount(1);

  // Back online: the group's note leaves the device, the unsent one stays and is explained.
  await member.context.setOffline(false);
  const notice = member.page.getByRole('note', { name: 'Accès perdu au groupe « Conseil municipal »' });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole('listitem')).toHaveText(
    'Annotation « Écrite dans le train » — non envoyé — vous n’avez plus accès à ce groupe',
  );
  await expect(member.highlighter.highlightWithNote('Partagée avec le conseil')).toHaveCount(0);
  await expect(member.highlighter.highlightWithNote('Écrite dans le train')).toBeVisible();
  expect(await seriousAccessibilityViolations(member.page)).toEqual([]);
  await notice.getByRole('button', { name: 'J’ai compris' }).click();
  await expect(notice).toBeHidden();
  await expect(member.highlighter.highlightWithNote('Écrite dans le train')).toBeVisible();

  for (const d of [owner, member]) await d.context.close();
});
