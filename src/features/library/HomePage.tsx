import { Link } from 'react-router';
import { useDatabase } from '../../db/react/DatabaseContext.tsx';
import { useObservable } from '../../db/react/hooks.ts';
import { formatDate, HOME_LEAD, HOME_TITLE, STEP_LABELS, STEP_PURPOSES } from '../../i18n/fr.ts';
import { STEP_IDS } from '../../model/vocabulary.ts';
import { ContinueReading, useLastReading } from './ContinueReading.tsx';
import { featuredWebinar, watchNeeds, watchResources, watchWebinars } from '../../db/library-queries.ts';
import { ResourceCard } from './ResourceCard.tsx';
import { PreviewPart } from '../../ui/PagePreview.tsx';
import './library.css';

export function HomePage() {
  const { db } = useDatabase();
  const needs = useObservable(() => watchNeeds(db), [db]);
  const kits = useObservable(() => watchResources(db, { kitsOnly: true }), [db]);
  const webinars = useObservable(() => watchWebinars(db), [db]);
  const last = useLastReading(db);
  const featured = webinars && featuredWebinar(webinars, new Date().toISOString().slice(0, 10));
  // Everything at once: sections popping in one after another would move the page under the reader's eyes.
  // On a first visit, that is once the library has arrived.
  const ready = Boolean(needs?.length) && kits !== undefined && webinars !== undefined && last !== undefined;

  return (
    <>
      <h1>{HOME_TITLE}</h1>
      <p className="lead">{HOME_LEAD}</p>

      {!ready && (
        <>
          {/* On a first visit, the needs the server put in the page (links work before the library is here). */}
          <PreviewPart name="needs" />
          <p className="muted">Chargement de la bibliothèque…</p>
        </>
      )}
      {ready && (
        <>
          {last && <ContinueReading last={last} />}

          <section aria-labelledby="besoins">
            <h2 id="besoins">Partir d'un besoin</h2>
            <ul className="grid needs">
              {needs?.map((need) => (
                <li key={need.id} className="card need">
                  <h3>
                    <Link to={`/besoins/${need.id}`}>
                      <span className="need-number" aria-hidden="true">
                        {need.order}
                      </span>
                      {need.title}
                    </Link>
                  </h3>
                  <p>{need.summary}</p>
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="etapes">
            <h2 id="etapes">Ou d'une étape</h2>
            <ul className="grid steps">
              {STEP_IDS.map((step) => (
                <li key={step} className="card step">
                  <h3>
                    <Link to={`/ressources?etape=${step}`}>{STEP_LABELS[step]}</Link>
                  </h3>
                  <p>{STEP_PURPOSES[step]}</p>
                </li>
              ))}
            </ul>
          </section>

          {featured && (
            <section aria-labelledby="webinaire">
              <h2 id="webinaire">{featured.upcoming ? 'Prochain webinaire' : 'Dernier webinaire du cycle'}</h2>
              <div className="card">
                <p className="kicker">{formatDate(featured.webinar.date)}</p>
                <h3>
                  <Link to={`/webinaires#${featured.webinar.id}`}>{featured.webinar.title}</Link>
                </h3>
                <p>{featured.webinar.summary}</p>
              </div>
            </section>
          )}

          <section aria-labelledby="kits">
            <h2 id="kits">Les kits pratiques</h2>
            <ul className="list">
              {kits?.map((kit) => (
                <ResourceCard key={kit.id} resource={kit} />
              ))}
            </ul>
          </section>
        </>
      )}
    </>
  );
}
