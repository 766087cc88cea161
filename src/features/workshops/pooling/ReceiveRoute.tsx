import { Link, useParams } from 'react-router';
import { useDatabase } from '../../../db/react/DatabaseContext.tsx';
import { addReceivedEntries } from './commands.ts';
import { ReceivePool } from './ReceivePool.tsx';

/** /ateliers/:id/recevoir: the facilitator's device receives participants' contributions by QR code or file. */
export default function ReceiveRoute() {
  const { id = '' } = useParams();
  const { db } = useDatabase();
  return (
    <article>
      <p>
        <Link to={`/ateliers/${id}`}>Retour à l’atelier</Link>
      </p>
      <ReceivePool workshopId={id} onAdd={(entries) => addReceivedEntries(db, entries)} />
    </article>
  );
}
