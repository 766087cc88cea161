import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { Block } from '../library.ts';
import { addStep, agendaFromKit, agendaProblems, moveStep, removeStep, updateStep } from './agenda.ts';
import { codeOfWorkshopId, formatWorkshopCode, newWorkshopCode, parseWorkshopCode, workshopIdOf } from './code.ts';
import { contributionSchema, dotsId, entryProblems } from './contribution.ts';
import { sampleContribution, sampleDots, sampleWorkshop } from './fixtures.ts';
import { guestIdOf, newGuestToken } from './guest.ts';
import { decodeInvitation, encodeInvitation, invitationOf } from './invitation.ts';
import { workshopSchema } from './workshop.ts';

const ajv = new Ajv({ strict: false });
const heading = (id: string, text: string, level = 2): Block => ({ id, kind: 'heading', level, html: text, text });

describe('agenda from a kit', () => {
  const blocks: Block[] = [
    { id: 'p1', kind: 'paragraph', html: '', text: 'intro' },
    heading('pour-qui', 'Pour qui'),
    heading('etape-1', 'Étape 1', 3),
    heading('etapes', 'Étapes'),
  ];

  it('makes one step per level-2 section, with a duration and a question', () => {
    const steps = agendaFromKit(blocks, (i) => `s${i}`);
    expect(steps.map((s) => [s.id, s.title, s.sectionId, s.minutes])).toEqual([
      ['s0', 'Pour qui', 'pour-qui', 15],
      ['s1', 'Étapes', 'etapes', 15],
    ]);
    expect(steps[0]!.question).toContain('Pour qui');
  });

  it('reorders, renames, removes and adds steps', () => {
    let steps = agendaFromKit(blocks, (i) => `s${i}`);
    steps = moveStep(steps, 1, -1);
    expect(steps.map((s) => s.id)).toEqual(['s1', 's0']);
    expect(moveStep(steps, 0, -1).map((s) => s.id)).toEqual(['s1', 's0']);
    steps = updateStep(steps, 0, { title: 'Nos étapes', minutes: 40, id: 'ignored' });
    expect(steps[0]).toMatchObject({ id: 's1', title: 'Nos étapes', minutes: 40 });
    steps = addStep(removeStep(steps, 1), 'new');
    expect(steps.map((s) => s.id)).toEqual(['s1', 'new']);
    expect(agendaProblems(steps)).toEqual([]);
    expect(agendaProblems(updateStep(steps, 1, { title: ' ', minutes: 0 }))).toHaveLength(2);
    expect(agendaProblems([])).toEqual(['Ajoutez au moins une étape.']);
  });
});

describe('workshop codes', () => {
  it('round-trips a code typed loosely and derives the id from it', () => {
    const code = newWorkshopCode();
    expect(parseWorkshopCode(` ${formatWorkshopCode(code).toLowerCase()} `)).toBe(code);
    expect(codeOfWorkshopId(workshopIdOf(code))).toBe(code);
    expect(parseWorkshopCode('ABCD-234O')).toBeUndefined();
    expect(parseWorkshopCode('ABC')).toBeUndefined();
  });
});

describe('schemas', () => {
  const validWorkshop = ajv.compile(workshopSchema);
  const validEntry = ajv.compile(contributionSchema);

  it('accepts the sample documents and refuses bad ones', () => {
    expect(validWorkshop(sampleWorkshop())).toBe(true);
    expect(validWorkshop(sampleWorkshop({ dotsPerParticipant: 50 }))).toBe(false);
    expect(validWorkshop(sampleWorkshop({ steps: [] }))).toBe(false);
    expect(validWorkshop(sampleWorkshop({ code: 'abcd2345' }))).toBe(false);
    expect(validEntry(sampleContribution('c1'))).toBe(true);
    expect(validEntry(sampleDots('guest-x', [{ contributionId: 'c1', count: 2 }]))).toBe(true);
    expect(validEntry(sampleContribution('c1', { text: 'x'.repeat(501) }))).toBe(false);
  });

  it('checks what depends on the kind', () => {
    expect(entryProblems(sampleContribution('c1'))).toEqual([]);
    expect(entryProblems(sampleContribution('c1', { text: '  ' }))).toEqual(['Écrivez votre contribution.']);
    const dots = sampleDots('guest-x', [{ contributionId: 'c1', count: 1 }]);
    expect(entryProblems(dots)).toEqual([]);
    expect(entryProblems({ ...dots, id: 'other' })).toHaveLength(1);
    expect(entryProblems({ ...dots, text: 'x' } as never)).toHaveLength(1);
    expect(dotsId('atelier-abcd2345', 'guest-x')).toBe('dots-atelier-abcd2345-guest-x');
  });
});

describe('guests and invitations', () => {
  it('derives the same guest id from the same token, another from another', async () => {
    const token = newGuestToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const id = await guestIdOf(token);
    expect(id).toMatch(/^guest-[A-Za-z0-9_-]{22}$/);
    expect(await guestIdOf(token)).toBe(id);
    expect(await guestIdOf(newGuestToken())).not.toBe(id);
  });

  it('carries a workshop in its link and refuses an altered one', async () => {
    const invitation = invitationOf(sampleWorkshop());
    const encoded = await encodeInvitation(invitation);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeInvitation(encoded)).toEqual(invitation);
    expect(await decodeInvitation(encoded.slice(0, -6))).toBeUndefined();
    expect(await decodeInvitation('pas-une-invitation')).toBeUndefined();
  });
});
