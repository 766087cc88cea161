import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useDatabase } from '../../db/react/DatabaseContext.tsx';
import { useObservable } from '../../db/react/hooks.ts';
import { useWorkspaces } from '../../db/react/useWorkspaces.ts';
import { watchSession } from '../../db/session.ts';
import { watchResources } from '../../db/library-queries.ts';
import {
  annotationFiltersFromParams,
  annotationFiltersToParams,
  filterAnnotations,
  type AnnotationFilters,
} from '../../model/annotations/filters.ts';
import { toMarkdown } from '../../model/annotations/markdown-export.ts';
import { toWebAnnotations } from '../../model/annotations/web-annotation.ts';
import type { Annotation } from '../../model/annotations.ts';
import { sectionTitles } from '../../model/library.ts';
import { downloadText } from '../../ui/download.ts';
import { useImmediateSearchParams } from '../../ui/useImmediateSearchParams.ts';
import { AnnotationCard } from './AnnotationCard.tsx';
import { watchAllAnnotations } from './commands.ts';
import { useOwnerId } from './useKitAnnotations.ts';
import './annotations.css';
import { FilterSelect } from '../../ui/FilterSelect.tsx';

/** /annotations/groupe/:id: every note shared with a group, by whom, filtered by kit and author, exported. */
export default function GroupAnnotationsPage() {
  const { id = '' } = useParams();
  const { db } = useDatabase();
  const [params, setParams] = useImmediateSearchParams();
  const filters = useMemo(() => annotationFiltersFromParams(params), [params]);
  const all = useObservable(() => watchAllAnnotations(db), [db]);
  const resources = useObservable(() => watchResources(db), [db]);
  const session = useObservable(() => watchSession(db), [db]);
  const workspaces = useWorkspaces(session);
  const ownerId = useOwnerId();
  const name = workspaces.find((w) => w.id === id)?.name;
  const title = name ? `Notes du groupe « ${name} »` : 'Notes du groupe';

  const byId = useMemo(() => new Map((resources ?? []).map((r) => [r.id, r])), [resources]);
  const group = useMemo(() => (all ?? []).filter((a) => a.workspaceId === id), [all, id]);
  const shown = useMemo(() => filterAnnotations(group, filters, byId), [group, filters, byId]);
  const titles = useMemo(() => new Map([...byId].map(([rid, r]) => [rid, sectionTitles(r.blocks)])), [byId]);
  const kits = [...new Set(group.map((a) => a.resourceId))]
    .map((rid) => ({ id: rid, title: byId.get(rid)?.title ?? rid }))
    .sort((a, b) => a.title.localeCompare(b.title, 'fr'));
  const authorLabel = (a: Annotation) => (a.ownerId === ownerId ? 'Vous' : (a.authorName ?? 'Un membre du groupe'));
  const authors = [...new Map(group.map((a) => [a.ownerId, authorLabel(a)]))].sort((a, b) =>
    a[1].localeCompare(b[1], 'fr'),
  );
  const set = (change: Partial<AnnotationFilters>) => setParams(annotationFiltersToParams({ ...filters, ...change }));
  const fileName = `notes-${(name ?? 'groupe')
    .normalize('NFD')
    .replace(/[^\w]+/g, '-')
    .toLowerCase()}`;

  const exportMarkdown = () =>
    downloadText(
      `${fileName}.md`,
      'text/markdown;charset=utf-8',
      toMarkdown(
        shown,
        [...new Set(shown.map((a) => a.resourceId))].flatMap((rid) => (byId.has(rid) ? [byId.get(rid)!] : [])),
        { title },
      ),
    );
  const exportJson = () =>
    downloadText(
      `${fileName}.jsonld`,
      'application/ld+json;charset=utf-8',
      JSON.stringify(toWebAnnotations(shown, window.location.origin), null, 2),
    );

  return (
    <>
      <h1>{title}</h1>
      <p className="lead">Les surlignages et notes que les membres ont partagés avec ce groupe, avec leur auteur.</p>
      <form
        className="filters-inline"
        role="search"
        aria-label="Filtrer les notes du groupe"
        onSubmit={(e) => e.preventDefault()}
      >
        <FilterSelect
          label="Kit"
          value={filters.kit}
          options={kits.map((k) => ({ value: k.id, label: k.title }))}
          onChange={(kit) => set({ kit })}
        />
        <FilterSelect
          label="Auteur"
          value={filters.author}
          options={authors.map(([value, label]) => ({ value, label }))}
          onChange={(author) => set({ author })}
        />
      </form>
      <p className="actions no-print">
        <button type="button" className="button secondary" onClick={exportMarkdown} disabled={shown.length === 0}>
          Exporter en Markdown
        </button>
        <button type="button" className="button secondary" onClick={exportJson} disabled={shown.length === 0}>
          Exporter en JSON (Web Annotation)
        </button>
      </p>
      <p aria-live="polite">
        {all === undefined
          ? 'Chargement…'
          : group.length === 0
            ? 'Aucune note partagée avec ce groupe sur cet appareil pour l’instant.'
            : `${shown.length} note${shown.length > 1 ? 's' : ''}${shown.length < group.length ? ` sur ${group.length}` : ''}`}
      </p>
      <ul className="list" aria-label="Notes du groupe">
        {shown.map((a) => {
          const section = titles.get(a.resourceId)?.get(a.target.blockId);
          return (
            <li key={a.id} className="card note">
              <AnnotationCard
                annotation={a}
                mine={a.ownerId === ownerId}
                author={authorLabel(a)}
                context={
                  <Link to={`/ressources/${a.resourceId}#${a.target.blockId}`}>
                    {byId.get(a.resourceId)?.title ?? 'Texte retiré de la bibliothèque'}
                    {section && ` — ${section}`}
                  </Link>
                }
              />
            </li>
          );
        })}
      </ul>
      <p>
        <Link to="/annotations">Mes annotations</Link>
      </p>
    </>
  );
}
