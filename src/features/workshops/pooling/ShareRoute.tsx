import { Link, useParams } from 'react-router';
import { useDatabase } from '../../../db/react/DatabaseContext.tsx';
import { useObservable } from '../../../db/react/hooks.ts';
import { parseWorkshopCode, workshopIdOf } from '../../../model/workshops/code.ts';
import { useWorkshop } from '../hooks.ts';
import { watchPendingPool } from './commands.ts';
import { SharePool } from './SharePool.tsx';

/** /atelier/:code/partager: a participant's pending contributions and dots as QR codes or a file. */
export default function ShareRoute() {
  const { code: typed = '' } = useParams();
  const code = parseWorkshopCode(typed) ?? '';
  const workshopId = code ? workshopIdOf(code) : '';
  const { db } = useDatabase();
  const pool = useObservable(() => watchPendingPool(db, workshopId), [db, workshopId]);
  const workshop = useWorkshop(workshopId);
  return (
    <article>
      <p>
        <Link to={`/atelier/${typed}`}>Retour à l’atelier</Link>
      </p>
      {pool ? <SharePool pool={pool} workshopTitle={workshop?.title ?? 'atelier'} /> : <p role="status">Chargement…</p>}
    </article>
  );
}
