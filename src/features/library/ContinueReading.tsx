import { Link } from 'react-router';
import { useDatabase } from '../../app/DatabaseContext.tsx';
import { useObservable } from '../../app/hooks.ts';
import { watchResource } from './queries.ts';
import { watchLastReading } from './reading.ts';

/** "Reprendre la lecture": the text and section the user was last in. */
export function ContinueReading() {
  const { db } = useDatabase();
  const last = useObservable(() => watchLastReading(db), [db]);
  const resourceId = last?.resourceId;
  const resource = useObservable(() => (resourceId ? watchResource(db, resourceId) : undefined), [db, resourceId]);
  if (!last || !resource) return null;
  const section = resource.blocks.find((b) => b.id === last.current);
  return (
    <section aria-labelledby="reprendre">
      <h2 id="reprendre">Reprendre la lecture</h2>
      <div className="card">
        <h3>
          <Link to={`/ressources/${resource.id}#${last.current}`}>{resource.title}</Link>
        </h3>
        {section && <p className="muted">Dernière section lue : {section.text}</p>}
      </div>
    </section>
  );
}
