import { useDatabase } from '../../app/DatabaseContext.tsx';
import { useObservable, useOnline } from '../../app/hooks.ts';
import { formatDate } from '../../i18n/fr.ts';
import { Blocks } from './Blocks.tsx';
import { watchWebinars } from './queries.ts';

export default function WebinarsPage() {
  const { db } = useDatabase();
  const online = useOnline();
  const webinars = useObservable(() => watchWebinars(db), [db]);
  return (
    <>
      <h1>Le cycle de webinaires 2019</h1>
      <p className="lead">
        Un rendez-vous mensuel, le troisième jeudi du mois, pour échanger sur les pratiques des territoires.
      </p>
      <ol className="list">
        {webinars?.map((w) => (
          <li key={w.id} id={w.id} className="card">
            <p className="kicker">
              {w.number === 1 ? 'Lancement' : `Webinaire ${w.number}`} · {formatDate(w.date)}
            </p>
            <h2>{w.title}</h2>
            <p>{w.summary}</p>
            <details>
              <summary>Ce qui a été abordé</summary>
              <Blocks blocks={w.blocks} />
            </details>
            <p>
              <a href={w.replayUrl} rel="noopener noreferrer" target="_blank">
                Voir le replay
              </a>{' '}
              <span className="muted">{online ? '(nécessite une connexion)' : '(indisponible hors ligne)'}</span>
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}
