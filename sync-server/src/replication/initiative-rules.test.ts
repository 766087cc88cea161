import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Initiative } from '../../../src/model/initiatives.ts';
import { recordedInitiative } from '../../../src/model/initiatives/fixtures.ts';
import { startTestServer, type TestServer } from '../test-server.ts';

/**
 * The server refuses what the initiative form refuses (src/model/initiatives:
 * fields.ts for the schema's limits, validation.ts for the rules beyond it),
 * with the protocol's error body: 400 `invalid_document`, the row and the path.
 */
let server: TestServer;
let session: { token: string; user: { id: string; displayName: string } };
beforeAll(async () => {
  server = await startTestServer();
  const response = await fetch(`${server.url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'regles@exemple.fr', password: 'mot-de-passe-solide', displayName: 'Camille' }),
  });
  session = (await response.json()) as typeof session;
});
afterAll(() => server.close());

let made = 0;
async function push(fields: Record<string, unknown>) {
  const doc = { ...recordedInitiative({ id: `i-${++made}`, ownerId: session.user.id }), _deleted: false, ...fields };
  for (const [key, value] of Object.entries(fields)) if (value === undefined) delete doc[key as keyof typeof doc];
  const response = await fetch(`${server.url}/api/v1/replication/initiatives/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
    body: JSON.stringify([{ newDocumentState: doc }]),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** YYYY-MM-DD, `days` from now (UTC). */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const contact = { name: 'Camille', consentAt: day(-10), retainUntil: day(300) };

const REFUSED: [rule: string, fields: Partial<Initiative> & Record<string, unknown>, path: string][] = [
  ['an empty title', { title: '' }, '/title'],
  ['a title under 3 characters', { title: 'ab' }, '/title'],
  ['a title with spaces around it', { title: '  Un tiers-lieu ' }, '/title'],
  ['a title over 200 characters', { title: 'a'.repeat(201) }, '/title'],
  ['a description under 20 characters', { description: 'Trop court.' }, '/description'],
  ['a description over 20 000 characters', { description: 'a'.repeat(20_001) }, '/description'],
  ['no commune', { commune: undefined }, '/commune'],
  [
    'a commune code that is not INSEE',
    { commune: { code: '1501', name: 'X', departement: '15', year: 2026 } },
    '/commune/code',
  ],
  ['no need', { needs: [] }, '/needs'],
  ['an unknown need', { needs: ['inconnu'] as never }, '/needs/0'],
  ['an unknown actor family', { actorFamilies: ['mairie'] as never }, '/actorFamilies/0'],
  ['organisations over 2000 characters', { organisations: 'a'.repeat(2001) }, '/organisations'],
  ['an SDG twice', { sdgs: [4, 4] }, '/sdgs'],
  ['SDG 17 targets without SDG 17', { sdgs: [3], sdg17Targets: ['17.17'] }, '/sdg17Targets'],
  ['no stage', { stage: undefined }, '/stage'],
  ['a start date not in the calendar', { startDate: '2019-02-30' }, '/startDate'],
  ['a start date before 1900', { startDate: '1899-12' }, '/startDate'],
  ['a start date over 5 years ahead', { startDate: day(6 * 366) }, '/startDate'],
  ['a contact without a name', { contact: { ...contact, name: '' } }, '/contact/name'],
  ['a contact e-mail that is not an address', { contact: { ...contact, email: 'camille@' } }, '/contact/email'],
  ['a contact phone that is not a number', { contact: { ...contact, phone: 'demain' } }, '/contact/phone'],
  ['a consent in the future', { contact: { ...contact, consentAt: day(3) } }, '/contact/consentAt'],
  ['a retention before the consent', { contact: { ...contact, retainUntil: day(-20) } }, '/contact/retainUntil'],
  ['a retention over 5 years', { contact: { ...contact, retainUntil: day(6 * 366) } }, '/contact/retainUntil'],
  ['over 20 photos', { photos: Array.from({ length: 21 }, () => ({}) as never) }, '/photos'],
  ['the status « brouillon »', { status: 'brouillon' as never }, '/status'],
  ['an author name over the display names’ 80 characters', { authorName: 'a'.repeat(81) }, '/authorName'],
];

describe('a pushed initiative', () => {
  it('is accepted when the form would record it', async () => {
    expect(
      await push({ contact: { ...contact, email: 'camille@exemple.fr' }, sdgs: [17], sdg17Targets: ['17.17'] }),
    ).toMatchObject({ status: 200, body: [] });
  });

  it.each(REFUSED)('is refused for %s', async (_rule, fields, path) => {
    const answer = await push(fields);
    expect(answer).toMatchObject({ status: 400, body: { error: 'invalid_document', row: 0, path } });
    expect(answer.body.message).toMatch(/^Ligne 0 : /);
  });

  it('keeps a contact whose retention has passed (to be purged, not refused), and a deletion whatever it holds', async () => {
    const expired = { ...contact, consentAt: day(-400), retainUntil: day(-2) };
    expect(await push({ contact: expired })).toMatchObject({ status: 200, body: [] });
    expect(await push({ needs: [], _deleted: true })).toMatchObject({ status: 200, body: [] });
  });

  it('is refused with the form’s own message', async () => {
    const answer = await push({ needs: [] });
    expect(answer.body.message).toBe(
      "Ligne 0 : /needs Choisissez au moins un besoin auquel répond l’initiative. Rien n'a été écrit.",
    );
  });
});
