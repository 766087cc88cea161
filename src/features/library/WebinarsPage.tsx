import { useDatabase } from '../../db/react/DatabaseContext.tsx';
import { useObservable, useOnline } from '../../db/react/hooks.ts';
import { formatDate } from '../../i18n/fr.ts';
import { eventToIcs } from '../../model/ics.ts';
import type { Webinar } from '../../model/library.ts';
import { Blocks } from './Blocks.tsx';
import { useScrollToHash } from './useScrollToHash.ts';
import { watchWebinars } from '../../db/library-queries.ts';
import './library.css';

/** The one address the 2019 deck gives: where the cycle's replays were published. */
const PLATFORM_URL = 'http://innovationterritoriale.plateformecapitalisation.org/';
const PLATFORM_LINK = (
  <a href={PLATFORM_URL} rel="noopener noreferrer" target="_blank">
    innovationterritoriale.plateformecapitalisation.org
  </a>
);

const monthFormat = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The 2019 cycle, month by month. */
export default function WebinarsPage() {
  const { db } = useDatabase();
  const webinars = useObservable(() => watchWebinars(db), [db]);
  useScrollToHash(Boolean(webinars));
  return (
    <>
      <h1>Le cycle de webinaires 2019</h1>
      <p className="lead">
        Un rendez-vous mensuel, le troisième jeudi du mois le plus souvent, pour échanger sur les pratiques des
        territoires. Pour chaque séance : son thème et ce que la bibliothèque contient sur ce sujet.
      </p>
      <p>
        Les replays ont été publiés sur la plateforme du RAMEAU, {PLATFORM_LINK} ; l’application n’en contient aucun et
        ne connaît pas d’adresse propre à chaque séance.
      </p>
      {webinars?.map((w) => (
        <section key={w.id} id={w.id} aria-labelledby={`${w.id}-mois`} className="month">
          <h2 id={`${w.id}-mois`} className="month-title">
            {capitalise(monthFormat.format(new Date(`${w.date}T12:00:00Z`)))}
          </h2>
          <WebinarCard webinar={w} />
        </section>
      ))}
    </>
  );
}

function WebinarCard({ webinar: w }: { webinar: Webinar }) {
  const online = useOnline();
  // An agenda entry is for what is still to come; the 2019 sessions are replays now.
  const upcoming = w.date >= new Date().toISOString().slice(0, 10);
  return (
    <article className="card">
      <p className="kicker">
        {w.number === 1 ? 'Lancement du cycle' : `Webinaire ${w.number}`} · {formatDate(w.date)}
      </p>
      <h3>{w.title}</h3>
      <p>{w.summary}</p>
      <details>
        <summary>Le thème et nos ressources</summary>
        <Blocks blocks={w.blocks} />
      </details>
      <p className="actions">
        {w.replayUrl && (
          <a href={w.replayUrl} rel="noopener noreferrer" target="_blank" className="button secondary">
            Voir le replay
          </a>
        )}
        {upcoming && (
          <button type="button" className="button secondary" onClick={() => downloadIcs(w)}>
            Ajouter à mon agenda
          </button>
        )}
      </p>
      {w.replayUrl && (
        <p className="muted">
          {online
            ? 'Le replay se regarde en ligne : il demande une connexion.'
            : 'Hors ligne : le replay sera disponible avec une connexion.'}
        </p>
      )}
    </article>
  );
}

function downloadIcs(webinar: Webinar): void {
  const ics = eventToIcs(
    {
      uid: `${webinar.id}@innovation-territoriale`,
      date: webinar.date,
      summary: `Webinaire : ${webinar.title}`,
      description: webinar.replayUrl ? `${webinar.summary}\nReplay : ${webinar.replayUrl}` : webinar.summary,
      ...(webinar.replayUrl ? { url: webinar.replayUrl } : {}),
    },
    new Date(),
  );
  const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${webinar.id}.ics`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
