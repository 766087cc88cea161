import { map, type Observable } from 'rxjs';
import type { AppDatabase } from '../../db/database.ts';
import { readSession } from '../../db/session.ts';
import { newId } from '../../db/ids.ts';
import { recordWrite } from '../../db/outbox.ts';
import type { Feedback } from '../../model/feedback.ts';
import type { NeedId } from '../../model/vocabulary.ts';

export interface FeedbackInput {
  usefulness: Partial<Record<NeedId, number>>;
  missing: string;
  comment: string;
  /** Set when the survey is answered after a workshop (`/avis?atelier=<id>`). */
  workshopId?: string;
  workshopScore?: number;
}

/** What is wrong with the form, field by field, in French; empty when it can be sent. */
export function validateFeedback(input: FeedbackInput): Partial<Record<'form' | 'missing' | 'comment', string>> {
  const errors: Partial<Record<'form' | 'missing' | 'comment', string>> = {};
  const rated = Object.values(input.usefulness).filter((v) => v !== undefined).length;
  if (rated === 0 && input.workshopScore === undefined && !input.missing.trim() && !input.comment.trim()) {
    errors.form = 'Notez au moins un besoin ou écrivez quelques mots.';
  }
  if (input.missing.length > 5000) errors.missing = 'Au plus 5 000 caractères.';
  if (input.comment.length > 10000) errors.comment = 'Au plus 10 000 caractères.';
  return errors;
}

/** "Donner mon avis": kept on the device and sent when possible, with or without an account. */
export async function sendFeedback(db: AppDatabase, input: FeedbackInput): Promise<Feedback> {
  const session = await readSession(db);
  const feedback: Feedback = {
    id: newId(),
    ownerId: session?.user.id ?? null,
    createdAt: new Date().toISOString(),
    usefulness: Object.entries(input.usefulness)
      .filter(([, score]) => score !== undefined)
      .map(([need, score]) => ({ need: need as NeedId, score: score! })),
    missing: input.missing.trim(),
    comment: input.comment.trim(),
    ...(input.workshopId ? { workshopId: input.workshopId } : {}),
    ...(input.workshopId && input.workshopScore !== undefined ? { workshopScore: input.workshopScore } : {}),
  };
  await recordWrite(db, 'feedback', feedback, () => db.feedback.insert(feedback));
  return feedback;
}

/** The title of a workshop on this device (a participant's phone has the one it joined), or null. */
export function watchWorkshopTitle(db: AppDatabase, workshopId: string): Observable<string | null> {
  return db.workshops.findOne(workshopId).$.pipe(map((doc) => doc?.title ?? null));
}
