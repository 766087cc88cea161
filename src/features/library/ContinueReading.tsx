import { Link } from 'react-router';
import type { AppDatabase } from '../../db/database.ts';
import { useObservable } from '../../db/react/hooks.ts';
import type { Resource } from '../../model/library.ts';
import type { ReadingProgress } from '../../model/reading.ts';
import { watchResource } from '../../db/library-queries.ts';
import { watchLastReading } from './reading-progress.ts';

export interface LastReading {
  progress: ReadingProgress;
  resource: Resource;
}

/** The text the user was last reading: undefined while loading, null when there is none. */
export function useLastReading(db: AppDatabase): LastReading | null | undefined {
  const progress = useObservable(() => watchLastReading(db), [db]);
  const resourceId = progress?.resourceId;
  const resource = useObservable(() => (resourceId ? watchResource(db, resourceId) : undefined), [db, resourceId]);
  if (progress === undefined) return undefined;
  if (progress === null) return null;
  if (resource === undefined) return undefined;
  return resource ? { progress, resource } : null;
}

/** "Reprendre la lecture": the text and section the user was last in. */
export function ContinueReading({ last }: { last: LastReading }) {
  const { progress, resource } = last;
  const section = resource.blocks.find((b) => b.id === progress.current);
  return (
    <section aria-labelledby="reprendre">
      <h2 id="reprendre">Reprendre la lecture</h2>
      <div className="card">
        <h3>
          <Link to={`/ressources/${resource.id}#${progress.current}`}>{resource.title}</Link>
        </h3>
        {section && <p className="muted">Dernière section lue : {section.text}</p>}
      </div>
    </section>
  );
}
