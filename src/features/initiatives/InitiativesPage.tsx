import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useDatabase } from '../../db/react/DatabaseContext.tsx';
import { useObservable } from '../../db/react/hooks.ts';
import { watchSession } from '../../db/session.ts';
import { ACTOR_FAMILY_LABELS, NEED_SHORT_LABELS } from '../../i18n/fr.ts';
import { toCsv, toJson } from '../../model/initiatives/export.ts';
import { INITIATIVE_STAGE_LABELS } from '../../model/initiatives/labels.ts';
import { FormError } from '../../ui/FormError.tsx';
import { downloadText } from '../../ui/download.ts';
import { useWorkspaces } from '../../db/react/useWorkspaces.ts';
import { deleteDraft, watchDrafts, watchInitiatives } from './commands.ts';
import type { DraftRecord } from './drafts.ts';
import {
  filterInitiatives,
  initiativeFiltersFromParams,
  initiativeFiltersToParams,
  hasFilters,
  type InitiativeFilters,
} from './filters.ts';
import { InitiativeFiltersForm } from './InitiativeFiltersForm.tsx';
import { InitiativeSendState } from './InitiativeSendState.tsx';
import { describeUploads, useOutbox, useOwnerId, usePhotoInfos, useUploadProgress } from './status-hooks.ts';
import './initiatives.css';
import { useImmediateSearchParams } from '../../ui/useImmediateSearchParams.ts';
import { SCREEN_TEXTS } from '../../model/screen-texts.ts';

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' });

const resumeUrl = (draft: DraftRecord) =>
  draft.base ? `/initiatives/${draft.id}/modifier` : `/initiatives/nouvelle?brouillon=${draft.id}`;

/** /initiatives: drafts first, then the initiatives on the device (mine and my groups'), filtered and exported. */
export default function InitiativesPage() {
  const { db } = useDatabase();
  const [params, setParams] = useImmediateSearchParams();
  const filters = useMemo(() => initiativeFiltersFromParams(params), [params]);
  const all = useObservable(() => watchInitiatives(db), [db]);
  const drafts = useObservable(() => watchDrafts(db), [db]);
  const session = useObservable(() => watchSession(db), [db]);
  const workspaces = useWorkspaces(session);
  const ownerId = useOwnerId();
  const outbox = useOutbox();
  const progress = useUploadProgress();
  const photos = usePhotoInfos((all ?? []).flatMap((i) => i.photos.map((p) => p.sha256)));
  const [problem, setProblem] = useState<string>();

  const shown = useMemo(() => filterInitiatives(all ?? [], filters), [all, filters]);
  const groupName = (id: string) => workspaces.find((w) => w.id === id)?.name;
  const groups = [...new Set([...workspaces.map((w) => w.id), ...(all ?? []).flatMap((i) => i.workspaceId ?? [])])].map(
    (id) => ({ id, name: groupName(id) ?? 'nom inconnu hors ligne' }),
  );
  const set = (change: Partial<InitiativeFilters>) => setParams(initiativeFiltersToParams({ ...filters, ...change }));

  const labels = { needs: NEED_SHORT_LABELS, actorFamilies: ACTOR_FAMILY_LABELS, workspace: groupName };
  const exportCsv = () => downloadText('initiatives.csv', 'text/csv;charset=utf-8', toCsv(shown, labels));
  const exportJson = () => downloadText('initiatives.json', 'application/json;charset=utf-8', toJson(shown));
  const removeDraft = async (draft: DraftRecord) => {
    if (
      !window.confirm(
        `Supprimer le brouillon « ${draft.draft.title.trim() || 'sans titre'} » ? Ce qui y est saisi sera perdu.`,
      )
    ) {
      return;
    }
    await deleteDraft(db, draft.id).then(
      () => setProblem(undefined),
      (error: unknown) => setProblem(`Le brouillon n’a pas pu être supprimé (${String(error)}).`),
    );
  };
  const uploads = describeUploads(progress);

  return (
    <>
      <h1>Initiatives</h1>
      <p className="lead">{SCREEN_TEXTS['/initiatives'].lead}</p>
      <p className="actions">
        <Link className="button" to="/initiatives/nouvelle">
          Nouvelle initiative
        </Link>
      </p>
      <p role="status" className="muted">
        {uploads}
      </p>

      {drafts && drafts.length > 0 && (
        <section aria-labelledby="brouillons">
          <h2 id="brouillons">Brouillons</h2>
          <ul className="list" aria-label="Brouillons">
            {drafts.map((draft) => (
              <li key={draft.id} className="card initiative-card">
                <h3>
                  <Link to={resumeUrl(draft)}>{draft.draft.title.trim() || 'Initiative sans titre'}</Link>
                </h3>
                <p>
                  <span className="badge status-brouillon">Brouillon</span>{' '}
                  <span className="muted">
                    {draft.base ? 'modification en cours' : 'nouvelle initiative'}, enregistré sur l’appareil le{' '}
                    {dateTime.format(new Date(draft.updatedAt))}
                  </span>
                </p>
                <p className="actions">
                  <Link
                    className="button secondary"
                    to={resumeUrl(draft)}
                    aria-label={`Reprendre « ${draft.draft.title.trim() || 'sans titre'} »`}
                  >
                    Reprendre
                  </Link>
                  <button type="button" className="button secondary" onClick={() => void removeDraft(draft)}>
                    Supprimer
                  </button>
                </p>
              </li>
            ))}
          </ul>
          <FormError message={problem} />
        </section>
      )}

      <section aria-labelledby="enregistrees">
        <h2 id="enregistrees">Initiatives enregistrées</h2>
        <InitiativeFiltersForm filters={filters} onChange={set} groups={groups} />
        <p className="actions no-print">
          <button type="button" className="button secondary" onClick={exportCsv} disabled={shown.length === 0}>
            Exporter en CSV
          </button>
          <button type="button" className="button secondary" onClick={exportJson} disabled={shown.length === 0}>
            Exporter en JSON
          </button>
        </p>
        <p aria-live="polite">
          {all === undefined
            ? 'Chargement…'
            : `${shown.length} initiative${shown.length > 1 ? 's' : ''}${hasFilters(filters) ? ` sur ${all.length}` : ''}`}
        </p>
        <ul className="list" aria-label="Initiatives">
          {shown.map((initiative) => {
            const mine = initiative.ownerId === ownerId;
            return (
              <li key={initiative.id} className="card initiative-card">
                <p className="kicker">
                  {[
                    initiative.commune && `${initiative.commune.name} (${initiative.commune.departement})`,
                    initiative.stage && INITIATIVE_STAGE_LABELS[initiative.stage],
                    initiative.workspaceId
                      ? `groupe « ${groupName(initiative.workspaceId) ?? 'nom inconnu'} »`
                      : 'privée',
                    !mine && `par ${initiative.authorName ?? 'un membre du groupe'}`,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                <h3>
                  <Link to={`/initiatives/${initiative.id}`}>{initiative.title}</Link>
                </h3>
                <InitiativeSendState
                  initiative={initiative}
                  outbox={outbox}
                  photos={photos}
                  signedIn={Boolean(session)}
                  mine={mine}
                />
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
