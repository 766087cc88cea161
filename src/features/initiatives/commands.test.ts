import { firstValueFrom } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../db/database.ts';
import { openTestDatabase } from '../../db/test-database.ts';
import { saveSession } from '../../db/session.ts';
import { watchOutbox } from '../../db/outbox.ts';
import {
  deleteAllDrafts,
  deleteDraft,
  openDraft,
  recordInitiative,
  referencedPhotoHashes,
  saveDraft,
  watchDrafts,
  watchInitiative,
} from './commands.ts';
import type { DraftRecord } from './drafts.ts';

let db: AppDatabase;

beforeEach(async () => {
  db = await openTestDatabase('initiatives-test');
});
afterEach(async () => db.close());

const PHOTO = { sha256: 'a'.repeat(64), type: 'image/jpeg', bytes: 10, width: 4, height: 3, consent: true } as const;

function filled(record: DraftRecord): DraftRecord {
  return {
    ...record,
    draft: {
      ...record.draft,
      title: ' Un tiers-lieu au village ',
      description: 'Un lieu ouvert le samedi pour les associations.',
      commune: { code: '35236', name: 'Redon', departement: '35', year: 2026 },
      needs: ['faire-alliance'],
      stage: 'idee',
      photos: [PHOTO],
    },
  };
}

describe('initiative drafts and recording', () => {
  it('a draft is kept on the device, listed, resumed, and deleted', async () => {
    const opened = await openDraft(db, {});
    expect(opened!.resumed).toBe(false);
    const record = { ...opened!.record, draft: { ...opened!.record.draft, title: 'À moitié' } };
    await saveDraft(db, record);
    await saveDraft(db, { ...record, draft: { ...record.draft, title: 'À moitié saisie' } });
    const drafts = await firstValueFrom(watchDrafts(db));
    expect(drafts.map((d) => d.draft.title)).toEqual(['À moitié saisie']);
    const resumed = await openDraft(db, { id: record.id });
    expect(resumed).toMatchObject({ resumed: true, record: { id: record.id, draft: { title: 'À moitié saisie' } } });
    await deleteDraft(db, record.id);
    expect(await firstValueFrom(watchDrafts(db))).toEqual([]);
  });

  it('signing out removes every draft from the device', async () => {
    for (const title of ['Premier brouillon', 'Second brouillon']) {
      const opened = await openDraft(db, {});
      await saveDraft(db, { ...opened!.record, draft: { ...opened!.record.draft, title } });
    }
    expect(await firstValueFrom(watchDrafts(db))).toHaveLength(2);
    await deleteAllDrafts(db);
    expect(await firstValueFrom(watchDrafts(db))).toEqual([]);
  });

  it('recording writes the initiative (status « enregistree »), notes it in the outbox and removes the draft', async () => {
    await saveSession(db, { token: 't', user: { id: 'u1', email: 'a@exemple.fr', displayName: 'Alix' } });
    const record = filled((await openDraft(db, {}))!.record);
    await saveDraft(db, record);
    const saved = await recordInitiative(db, record);
    expect(saved).toMatchObject({
      id: record.id,
      ownerId: 'u1',
      workspaceId: null,
      status: 'enregistree',
      title: 'Un tiers-lieu au village',
      authorName: 'Alix',
      photos: [PHOTO],
    });
    expect(await firstValueFrom(watchInitiative(db, record.id))).toMatchObject({ title: 'Un tiers-lieu au village' });
    expect(await firstValueFrom(watchOutbox(db))).toEqual([`initiatives/${record.id}`]);
    expect(await firstValueFrom(watchDrafts(db))).toEqual([]);
    expect([...(await referencedPhotoHashes(db))]).toEqual([PHOTO.sha256]);
  });

  it('editing a recorded initiative goes through a draft of the edit, then a new version', async () => {
    const record = filled((await openDraft(db, {}))!.record);
    const first = await recordInitiative(db, record);
    const edit = await openDraft(db, { id: first.id, editing: true });
    expect(edit!.record.base).toBeDefined();
    const changed = { ...edit!.record, draft: { ...edit!.record.draft, stage: 'deploiement' as const } };
    await saveDraft(db, changed);
    expect((await openDraft(db, { id: first.id, editing: true }))!.resumed).toBe(true);
    expect([...(await referencedPhotoHashes(db))]).toEqual([PHOTO.sha256]);
    const second = await recordInitiative(db, changed);
    expect(second.rev).not.toBe(first.rev);
    expect(second).toMatchObject({ stage: 'deploiement', title: first.title, createdAt: first.createdAt });
    expect(await firstValueFrom(watchDrafts(db))).toEqual([]);
  });

  it('the address of a new form whose initiative was recorded since opens its edit, never a blank form over it', async () => {
    const record = filled((await openDraft(db, {}))!.record);
    await recordInitiative(db, record);
    const reopened = await openDraft(db, { id: record.id });
    expect(reopened!.record.base).toMatchObject({ title: 'Un tiers-lieu au village' });
    expect(reopened!.record.draft.title).toBe('Un tiers-lieu au village');
  });

  it('opening the edit of an initiative that is not on the device gives nothing', async () => {
    expect(await openDraft(db, { id: 'absente', editing: true })).toBeUndefined();
  });
});
