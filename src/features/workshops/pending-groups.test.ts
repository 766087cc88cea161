import { firstValueFrom } from 'rxjs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AppDatabase } from '../../db/database.ts';
import { openTestDatabase } from '../../db/test-database.ts';
import { ApiError, type Auth, type CreatedWorkspace } from '../../db/remote/account-api.ts';
import { createWorkshop } from './commands.ts';
import { askForGroup, createPendingGroups, forgetPendingGroup, watchPendingGroups } from './pending-groups.ts';

let db: AppDatabase;
const AUTH: Auth = { token: 'jeton' };

beforeEach(async () => {
  db = await openTestDatabase('pending-groups-test');
});
afterEach(async () => db.close());

const newWorkshop = (title: string) =>
  createWorkshop(db, {
    title,
    startsAt: '2026-12-03T18:30',
    dotsPerParticipant: 3,
    steps: [{ id: 'accueil', title: 'Accueil', question: '', minutes: 10 }],
    workspaceId: null,
  });
const pending = () => firstValueFrom(watchPendingGroups(db));

it('waits without network, then creates each group once and moves its workshops into it', async () => {
  const first = await newWorkshop('Mobilités');
  const second = await newWorkshop('Alimentation');
  await askForGroup(db, '  Val de Vilaine ', first.id);
  await askForGroup(db, 'Val de Vilaine', second.id);
  expect(await pending()).toMatchObject([{ name: 'Val de Vilaine', workshopIds: [first.id, second.id] }]);

  const asked: string[] = [];
  const offline = async (): Promise<CreatedWorkspace> => {
    throw new ApiError(0, 'network', 'Pas de connexion');
  };
  await createPendingGroups(db, AUTH, offline);
  expect(await pending()).toHaveLength(1);

  await createPendingGroups(db, AUTH, async (_auth, name) => {
    asked.push(name);
    return { id: 'groupe-42', name, role: 'owner', inviteCode: 'ABCD-EFGH' };
  });
  expect(asked).toEqual(['Val de Vilaine']);
  expect(await pending()).toEqual([]);
  const moved = await db.workshops.findByIds([first.id, second.id]).exec();
  expect([...moved.values()].map((doc) => doc.workspaceId)).toEqual(['groupe-42', 'groupe-42']);
  expect((await db.getLocal<{ list: unknown[] }>('workspaces'))?.toJSON().data.list).toEqual([
    { id: 'groupe-42', name: 'Val de Vilaine', role: 'owner' },
  ]);
});

it('keeps a refused request with its message and does not ask again; choosing another group forgets it', async () => {
  const workshop = await newWorkshop('Mobilités');
  await askForGroup(db, 'Nom refusé', workshop.id);
  let calls = 0;
  const refuse = async (): Promise<CreatedWorkspace> => {
    calls += 1;
    throw new ApiError(400, 'invalid_input', 'Le nom contient des caractères invisibles.');
  };
  await createPendingGroups(db, AUTH, refuse);
  await createPendingGroups(db, AUTH, refuse);
  expect(calls).toBe(1);
  expect(await pending()).toMatchObject([{ refusal: 'Le nom contient des caractères invisibles.' }]);
  await forgetPendingGroup(db, workshop.id);
  expect(await pending()).toEqual([]);
});
