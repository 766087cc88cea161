import { useMemo, useState, type ChangeEvent } from 'react';
import { Link } from 'react-router';
import { useDatabase } from '../../db/react/DatabaseContext.tsx';
import { useObservable } from '../../db/react/hooks.ts';
import { watchSession } from '../../db/session.ts';
import { NEED_SHORT_LABELS } from '../../i18n/fr.ts';
import { SCREEN_TEXTS } from '../../model/screen-texts.ts';
import {
  filterAnnotations,
  annotationFiltersFromParams,
  annotationFiltersToParams,
  PRIVATE,
  type AnnotationFilters,
} from '../../model/annotations/filters.ts';
import { toMarkdown } from '../../model/annotations/markdown-export.ts';
import { fromWebAnnotations } from '../../model/annotations/web-annotation-import.ts';
import { toWebAnnotations } from '../../model/annotations/web-annotation.ts';
import { ANNOTATION_COLORS, type AnnotationColor } from '../../model/annotations.ts';
import { sectionTitles } from '../../model/library.ts';
import { NEED_IDS } from '../../model/vocabulary.ts';
import { FormError } from '../../ui/FormError.tsx';
import { watchResources } from '../../db/library-queries.ts';
import { AnnotationCard, COLOR_LABELS } from './AnnotationCard.tsx';
import { importAnnotations, watchAllAnnotations } from './commands.ts';
import { downloadText } from '../../ui/download.ts';
import { useOwnerId } from './useKitAnnotations.ts';
import { useWorkspaces } from '../../db/react/useWorkspaces.ts';
import { useImmediateSearchParams } from '../../ui/useImmediateSearchParams.ts';
import './annotations.css';
import { FilterSelect } from '../../ui/FilterSelect.tsx';

/** All the user's annotations: filtered, searched, exported, imported. */
export default function MyAnnotationsPage() {
  const { db } = useDatabase();
  const [params, setParams] = useImmediateSearchParams();
  const filters = useMemo(() => annotationFiltersFromParams(params), [params]);
  const all = useObservable(() => watchAllAnnotations(db), [db]);
  const resources = useObservable(() => watchResources(db), [db]);
  const ownerId = useOwnerId();
  const session = useObservable(() => watchSession(db), [db]);
  const workspaces = useWorkspaces(session);
  const [message, setMessage] = useState<string>();
  const [problem, setProblem] = useState<string>();

  const byId = useMemo(() => new Map((resources ?? []).map((r) => [r.id, r])), [resources]);
  const mine = useMemo(() => (all ?? []).filter((a) => a.ownerId === ownerId), [all, ownerId]);
  const shown = useMemo(() => filterAnnotations(mine, filters, byId), [mine, filters, byId]);
  const annotatedKits = [...new Set(mine.map((a) => a.resourceId))]
    .map((id) => ({ id, title: byId.get(id)?.title ?? id }))
    .sort((a, b) => a.title.localeCompare(b.title, 'fr'));
  const groupName = (id: string) => workspaces.find((w) => w.id === id)?.name ?? 'un groupe';
  const groupIds = [...new Set(mine.flatMap((a) => (a.workspaceId ? [a.workspaceId] : [])))];

  const set = (change: Partial<AnnotationFilters>) => setParams(annotationFiltersToParams({ ...filters, ...change }));
  const titles = useMemo(() => new Map([...byId].map(([id, r]) => [id, sectionTitles(r.blocks)])), [byId]);
  const sectionTitle = (resourceId: string, blockId: string) => titles.get(resourceId)?.get(blockId);

  const exportMarkdown = () =>
    downloadText(
      'mes-annotations.md',
      'text/markdown;charset=utf-8',
      toMarkdown(
        shown,
        [...new Set(shown.map((a) => a.resourceId))].flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
      ),
    );
  const exportJson = () =>
    downloadText(
      'mes-annotations.jsonld',
      'application/ld+json;charset=utf-8',
      JSON.stringify(toWebAnnotations(shown, window.location.origin), null, 2),
    );
  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setMessage(undefined);
    setProblem(undefined);
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      return setProblem(`« ${file.name} » n’est pas un fichier JSON lisible : rien n’a été importé.`);
    }
    const { annotations, errors, warnings } = fromWebAnnotations(json);
    try {
      const outcome = await importAnnotations(db, annotations);
      setMessage(
        `${outcome.added} annotation(s) ajoutée(s), ${outcome.updated} mise(s) à jour, ${outcome.unchanged} déjà présente(s).` +
          [...warnings, ...errors].map((line) => `\n${line}`).join(''),
      );
    } catch (error) {
      setProblem(`L’import n’a pas pu être enregistré sur l’appareil (${String(error)}).`);
    }
  };

  return (
    <>
      <h1>Mes annotations</h1>
      <p className="lead">{SCREEN_TEXTS['/annotations'].lead}</p>
      {workspaces.length > 0 && (
        <nav aria-label="Notes de mes groupes">
          <ul className="chips">
            {workspaces.map((w) => (
              <li key={w.id}>
                <Link to={`/annotations/groupe/${w.id}`}>Notes du groupe « {w.name} »</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <form
        className="filters-inline"
        role="search"
        aria-label="Filtrer mes annotations"
        onSubmit={(e) => e.preventDefault()}
      >
        <label>
          Rechercher
          <input
            type="search"
            value={filters.text ?? ''}
            onChange={(e) => set({ text: e.target.value || undefined })}
          />
        </label>
        <FilterSelect
          label="Kit"
          value={filters.kit}
          options={annotatedKits.map((k) => ({ value: k.id, label: k.title }))}
          onChange={(kit) => set({ kit })}
        />
        <FilterSelect
          label="Besoin"
          value={filters.need}
          options={NEED_IDS.map((need) => ({ value: need, label: NEED_SHORT_LABELS[need] }))}
          onChange={(need) => set({ need })}
        />
        <FilterSelect
          label="Couleur"
          all="Toutes"
          value={filters.color}
          options={ANNOTATION_COLORS.map((c) => ({ value: c, label: COLOR_LABELS[c] }))}
          onChange={(color) => set({ color: color as AnnotationColor | undefined })}
        />
        <FilterSelect
          label="Visibilité"
          all="Toutes"
          value={filters.group}
          options={[
            { value: PRIVATE, label: 'Privées' },
            ...groupIds.map((id) => ({ value: id, label: `Groupe « ${groupName(id)} »` })),
          ]}
          onChange={(group) => set({ group })}
        />
      </form>

      <section aria-labelledby="exporter" className="no-print">
        <h2 id="exporter">Exporter ou importer</h2>
        <p className="actions">
          <button type="button" className="button secondary" onClick={exportMarkdown} disabled={shown.length === 0}>
            Exporter en Markdown
          </button>
          <button type="button" className="button secondary" onClick={exportJson} disabled={shown.length === 0}>
            Exporter en JSON (Web Annotation)
          </button>
          <label className="button secondary file-button">
            Importer un fichier JSON
            <input
              type="file"
              className="visually-hidden"
              accept=".json,.jsonld,application/json,application/ld+json"
              onChange={(e) => void importFile(e)}
            />
          </label>
        </p>
        {message && (
          <p role="status" className="note-text">
            {message}
          </p>
        )}
        <FormError message={problem} />
      </section>

      <p aria-live="polite">
        {all === undefined
          ? 'Chargement…'
          : `${shown.length} annotation${shown.length > 1 ? 's' : ''}${shown.length < mine.length ? ` sur ${mine.length}` : ''}`}
      </p>
      <ul className="list" aria-label="Annotations">
        {shown.map((a) => {
          const title = byId.get(a.resourceId)?.title ?? 'Texte retiré de la bibliothèque';
          const section = sectionTitle(a.resourceId, a.target.blockId);
          return (
            <li key={a.id} className="card note">
              <AnnotationCard
                annotation={a}
                mine
                context={
                  <Link to={`/ressources/${a.resourceId}#${a.target.blockId}`}>
                    {title}
                    {section && ` — ${section}`}
                  </Link>
                }
              />
            </li>
          );
        })}
      </ul>
    </>
  );
}
