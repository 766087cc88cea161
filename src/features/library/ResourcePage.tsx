import { useCallback, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useDatabase } from '../../app/DatabaseContext.tsx';
import { PagePreview } from '../../app/PagePreview.tsx';
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
import { Highlights } from '../annotations/Highlights.tsx';
import { SectionNotes } from '../annotations/SectionNotes.tsx';
import { SelectionToolbar } from '../annotations/SelectionToolbar.tsx';
import { useKitAnnotations } from '../annotations/useKitAnnotations.ts';
import type { Annotation } from '../../model/annotations.ts';
import { sectionTitles } from '../../model/library.ts';
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
  const { db, libraryStatus$ } = useDatabase();
  const library = useObservable(() => libraryStatus$, [libraryStatus$]);
  const resource = useObservable(() => watchResource(db, id), [db, id]);
  const progress = useObservable(() => watchReadingProgress(db, id), [db, id]);
  useReadingTracker(db, id, resource?.blocks);
  useScrollToHash(Boolean(resource));
  const kit = useKitAnnotations(id);
  const prose = useRef<HTMLDivElement>(null);
  const [detached, setDetached] = useState<Annotation[]>([]);
  const onDetached = useCallback((list: Annotation[]) => setDetached(list), []);
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
  const ordered = useMemo(
    () => (kit.visible && resource ? inReadingOrder(kit.visible, resource.blocks) : []),
    [kit.visible, resource],
  );
  if (resource === undefined) return <PagePreview />;
  if (resource === null) {
    // On a first visit the text may still be on its way: not "introuvable" yet.
    if (!library || library.syncing)
      return <PagePreview fallback={<p className="muted">Téléchargement du texte…</p>} />;
    return <NotFound what="Cette ressource" />;
  }

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
      {kit.othersCount > 0 && (
        <p className="no-print">
          <label className="toggle">
            <input type="checkbox" checked={kit.showGroups} onChange={(e) => kit.setShowGroups(e.target.checked)} />
            Afficher les annotations de mes groupes ({kit.othersCount})
          </label>
        </p>
      )}
      <div ref={prose}>
        <Blocks blocks={resource.blocks} />
      </div>
      {kit.visible && (
        <Highlights
          container={prose}
          contentHash={resource.contentHash}
          annotations={kit.visible}
          isMine={kit.isMine}
          sectionTitle={sectionTitle}
          onDetached={onDetached}
        />
      )}
      <SelectionToolbar resourceId={resource.id} container={prose} workspaces={kit.workspaces} />
      {toc.length > 0 && kit.visible && (
        <SectionNotes
          resourceId={resource.id}
          sections={toc}
          annotations={ordered}
          detached={detached}
          isMine={kit.isMine}
          sectionTitle={sectionTitle}
          sectionBlocks={sectionBlocks}
          workspaces={kit.workspaces}
        />
      )}
    </article>
  );
}

function inReadingOrder(annotations: Annotation[], blocks: { id: string }[]): Annotation[] {
  const index = new Map(blocks.map((b, i) => [b.id, i]));
  const rank = (a: Annotation) => index.get(a.target.blockId) ?? blocks.length;
  return [...annotations].sort(
    (a, b) => rank(a) - rank(b) || (a.target.position?.start ?? -1) - (b.target.position?.start ?? -1),
  );
}
