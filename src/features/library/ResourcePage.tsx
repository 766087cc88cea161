import { Link, useParams } from 'react-router';
import { useDatabase } from '../../app/DatabaseContext.tsx';
import { useObservable } from '../../app/hooks.ts';
import {
  ACTOR_FAMILY_LABELS,
  formatDate,
  MATURITY_LABELS,
  NEED_SHORT_LABELS,
  RESOURCE_TYPE_LABELS,
  STEP_LABELS,
} from '../../i18n/fr.ts';
import { Blocks, sectionsOf } from './Blocks.tsx';
import { SectionNotes } from '../annotations/SectionNotes.tsx';
import { MediaList } from './MediaList.tsx';
import { NotFound } from './NotFound.tsx';
import { watchResource } from './queries.ts';
import { watchReadingProgress } from './reading.ts';
import { TableOfContents } from './TableOfContents.tsx';
import { useReadingTracker } from './useReadingTracker.ts';
import { useScrollToHash } from './useScrollToHash.ts';

/** The reader for a kit or any other resource. */
export default function ResourcePage() {
  const { id = '' } = useParams();
  const { db } = useDatabase();
  const resource = useObservable(() => watchResource(db, id), [db, id]);
  const progress = useObservable(() => watchReadingProgress(db, id), [db, id]);
  useReadingTracker(db, id, resource?.blocks);
  useScrollToHash(Boolean(resource));
  if (resource === undefined) return null;
  if (resource === null) return <NotFound what="Cette ressource" />;
  const toc = sectionsOf(resource.blocks);

  return (
    <article className="reader">
      <p className="kicker">{RESOURCE_TYPE_LABELS[resource.type]}</p>
      <h1>{resource.title}</h1>
      <p className="lead">{resource.summary}</p>
      <dl className="facts">
        <dt>Étape</dt>
        <dd>{STEP_LABELS[resource.step]}</dd>
        <dt>Niveau</dt>
        <dd>{MATURITY_LABELS[resource.maturity]}</dd>
        <dt>Besoins</dt>
        <dd>
          {resource.needs.map((need, i) => (
            <span key={need}>
              {i > 0 && ', '}
              <Link to={`/besoins/${need}`}>{NEED_SHORT_LABELS[need]}</Link>
            </span>
          ))}
        </dd>
        <dt>Pour</dt>
        <dd>{resource.actors.map((a) => ACTOR_FAMILY_LABELS[a]).join(', ')}</dd>
        {resource.duration && (
          <>
            <dt>Durée</dt>
            <dd>{resource.duration}</dd>
          </>
        )}
        <dt>Publié le</dt>
        <dd>{formatDate(resource.published)}</dd>
      </dl>
      {toc.length > 2 && <TableOfContents headings={toc} progress={progress ?? null} />}
      {resource.type === 'kit' && (
        <p className="no-print">
          <button type="button" className="button secondary" onClick={() => window.print()}>
            Imprimer ce kit
          </button>
        </p>
      )}
      {resource.media && resource.media.length > 0 && <MediaList media={resource.media} />}
      <Blocks blocks={resource.blocks} />
      {toc.length > 0 && <SectionNotes resourceId={resource.id} sections={toc} />}
    </article>
  );
}
