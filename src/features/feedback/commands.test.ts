import { describe, expect, it } from 'vitest';
import { validateFeedback } from './commands.ts';

describe('validateFeedback', () => {
  it('asks for at least a rating or a few words', () => {
    expect(validateFeedback({ usefulness: {}, missing: ' ', comment: '' })).toEqual({
      form: 'Notez au moins un besoin ou écrivez quelques mots.',
    });
    expect(validateFeedback({ usefulness: { 'faire-alliance': 4 }, missing: '', comment: '' })).toEqual({});
    expect(validateFeedback({ usefulness: {}, missing: '', comment: 'Merci' })).toEqual({});
    // After a workshop, its score alone is an answer.
    expect(
      validateFeedback({ usefulness: {}, missing: '', comment: '', workshopId: 'atelier-abcd2345', workshopScore: 5 }),
    ).toEqual({});
  });

  it('says which field is too long', () => {
    expect(validateFeedback({ usefulness: {}, missing: 'x'.repeat(5001), comment: 'ok' })).toEqual({
      missing: 'Au plus 5 000 caractères.',
    });
  });
});
