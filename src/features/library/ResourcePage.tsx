import { useCallback, useMemo, useRef, type ComponentType, type ReactNode, type RefObject } from 'react';
import { Link, useParams } from 'react-router';
import { useDatabase } from '../../db/react/DatabaseContext.tsx';
import { PagePreview } from '../../ui/PagePreview.tsx';
import { useObservable } from '../../db/react/hooks.ts';
import {
  ACTOR_FAMILY_LABELS,
  formatDate,
  MATURITY_LABELS,
  NEED_SHORT_LABELS,
  RESOURCE_TYPE_LABELS,
  STEP_LABELS,
} from '../../i18n/fr.ts';
import { Blocks, sectionsOf } from './Blocks.tsx';
import { editableText } from '../../model/editable-text.ts';
import { sectionTitles, type Block, type Resource } from '../../model/library.ts';
import { MediaList } from './MediaList.tsx';
import { NotFound } from './NotFound.tsx';
import { watchResource } from '../../db/library-queries.ts';
import { watchReadingProgress } from './reading-progress.ts';
import { TableOfContents } from './TableOfContents.tsx';
import { useReadingTracker } from './useReadingTracker.ts';
import { useScrollToHash } from './useScrollToHash.ts';
import './library.css';

/** What the reader hands to whoever annotates its text (the app gives features/annotations). */
export interface TextAnnotatorProps {
  resource: { id: string; contentHash: string; blocks: Block[] };
  text: ReactNode;
  prose: RefObject<HTMLDivElement | null>;
  sections: Block[];
  sectionTitle: (blockId: string) => string;
  sectionBlocks: (sectionId: string) => { id: string; text: string }[];
}

/** The reader for a kit or any other resource; `Annotator` wraps its text when given. */
export function ResourcePage({ Annotator }: { Annotator?: ComponentType<TextAnnotatorProps> }) {
  const { id = '' } = useParams();
  const { db, libraryStatus$ } = useDatabase();
  const library = useObservable(() => libraryStatus$, [libraryStatus$]);
  const resource = useObservable(() => watchResource(db, id), [db, id]);
  const progress = useObservable(() => watchReadingProgress(db, id), [db, id]);
  useReadingTracker(db, id, resource?.blocks);
  useScrollToHash(Boolean(resource));
  const prose = useRef<HTMLDivElement>(null);
  const toc = useMemo(() => (resource ? sectionsOf(resource.blocks) : []), [resource]);
  const titles = useMemo(() => sectionTitles(resource?.blocks ?? []), [resource]);
  const sectionTitle = useCallback((blockId: string) => titles.get(blockId) ?? 'Introduction', [titles]);
  const sectionBlocks = useCallback(
    (sectionId: string) => {
      const blocks = resource?.blocks ?? [];
      const start = blocks.findIndex((b) => b.id === sectionId);
      if (start < 0 || !prose.current) return [];
      const end = blocks.findIndex((b, i) => i > start && b.kind === 'heading' && b.level === 2);
      return blocks.slice(start + 1, end < 0 ? undefined : end).flatMap((b) => {
        const element = prose.current?.querySelector(`#${CSS.escape(b.id)}`);
        return element && b.kind !== 'heading' ? [{ id: b.id, text: element.textContent ?? '' }] : [];
      });
    },
    [resource],
  );
  if (resource === undefined) return <PagePreview />;
  if (resource === null) {
    // On a first visit the text may still be on its way: not "introuvable" yet.
    if (!library || library.syncing)
      return <PagePreview fallback={<p className="muted">Téléchargement du texte…</p>} />;
    return <NotFound what="Cette ressource" />;
  }

  const text = (
    <div ref={prose}>
      <Blocks blocks={resource.blocks} />
    </div>
  );
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
      {(resource.type === 'kit' || resource.type === 'modele') && (
        <p className="no-print actions">
          <button type="button" className="button secondary" onClick={() => window.print()}>
            {resource.type === 'kit' ? 'Imprimer ce kit' : 'Imprimer ce modèle'}
          </button>
          {resource.type === 'modele' && (
            <button type="button" className="button secondary" onClick={() => downloadEditable(resource)}>
              Télécharger le modèle à modifier (.txt)
            </button>
          )}
        </p>
      )}
      {resource.media && resource.media.length > 0 && <MediaList media={resource.media} />}
      {Annotator ? (
        <Annotator
          resource={resource}
          text={text}
          prose={prose}
          sections={toc}
          sectionTitle={sectionTitle}
          sectionBlocks={sectionBlocks}
        />
      ) : (
        text
      )}
    </article>
  );
}

/** The template as a text file to adapt in any word processor; made on the device, so it works offline. */
function downloadEditable(resource: Resource): void {
  const url = URL.createObjectURL(
    new Blob([editableText(resource.title, resource.blocks)], { type: 'text/plain;charset=utf-8' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = `${resource.id}.txt`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
