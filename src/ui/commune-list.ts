/**
 * The commune list the form searches: a file of its own (about 450 KB
 * gzipped), left out of the service worker's install so that installing
 * the app stays light. The app puts it in the offline extras cache once the
 * library is on the device (src/app/offline-extras.ts), and the service
 * worker answers from there: the form works offline from then on.
 */
import communeListUrl from '../model/initiatives/communes.generated.json?url';
import { buildCommuneIndex, type CommuneIndex } from '../model/initiatives/communes.ts';
import type { CompactCommunes } from '../model/initiatives/commune-data.ts';

export const COMMUNE_LIST_URL = communeListUrl;

let loading: Promise<CommuneIndex> | undefined;

/**
 * The index of all communes, fetched and built on first call, then kept.
 * A failed load is retried on the next call.
 */
export function loadCommuneIndex(
  load: () => Promise<CompactCommunes> = () =>
    fetch(COMMUNE_LIST_URL).then((response) => {
      if (!response.ok) throw new Error(`commune list: HTTP ${response.status}`);
      return response.json() as Promise<CompactCommunes>;
    }),
): Promise<CommuneIndex> {
  loading ??= load().then(buildCommuneIndex, (error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
