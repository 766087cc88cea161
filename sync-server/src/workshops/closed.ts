import { entryProblems, isContribution, type WorkshopEntry } from '../../../src/model/workshops/contribution.ts';
import type { Workshop } from '../../../src/model/workshops/workshop.ts';
import { deepEqual } from '../../../src/model/merge.ts';
import { ApiError } from '../errors.ts';
import type { Store } from '../store/store.ts';

export const CLOSED_MESSAGE =
  'Cet atelier est terminé : il ne reçoit plus de contributions ni de gommettes. Rien n’a été écrit.';

/**
 * What every push of workshop entries must respect, whichever route brings
 * it: the rules that depend on the kind (model's `entryProblems`), the dots
 * limit of the workshop, and no new contribution to a finished workshop
 * (403 `workshop_closed`, a refusal the device sets aside and shows).
 * `allowClosed`: the facilitator's device bringing what it collected offline.
 */
export async function checkEntries(
  store: Store,
  entries: WorkshopEntry[],
  options: { allowClosed?: boolean } = {},
): Promise<void> {
  const workshops = await store.readDocuments('workshops', [...new Set(entries.map((e) => e.workshopId))]);
  const stored = await store.readDocuments(
    'contributions',
    entries.map((e) => e.id),
  );
  entries.forEach((entry, row) => {
    if ((entry as { _deleted?: boolean })._deleted) return;
    const problems = entryProblems(entry);
    if (problems.length > 0) throw invalid(row, problems[0]!);
    const body = workshops.get(entry.workshopId)?.body;
    if (!body) return; // the workshop may arrive later (offline devices): nothing more to check against
    const workshop = JSON.parse(body) as Workshop;
    if (!isContribution(entry)) {
      const used = entry.dots.reduce((sum, d) => sum + d.count, 0);
      if (used > workshop.dotsPerParticipant) {
        throw invalid(row, `au plus ${workshop.dotsPerParticipant} gommettes par participant`);
      }
    }
    const old = stored.get(entry.id);
    const changed = !old || !deepEqual(JSON.parse(old.body), entry);
    if (workshop.status === 'termine' && !options.allowClosed && changed && (!old || !isContribution(entry))) {
      throw new ApiError(403, 'workshop_closed', CLOSED_MESSAGE);
    }
  });
}

function invalid(row: number, reason: string): ApiError {
  return new ApiError(400, 'invalid_document', `Ligne ${row} : ${reason}. Rien n'a été écrit.`, { row, path: '' });
}
