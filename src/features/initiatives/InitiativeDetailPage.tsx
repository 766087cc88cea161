import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useDatabase } from '../../db/react/DatabaseContext.tsx';
import { useObservable } from '../../db/react/hooks.ts';
import { watchSession } from '../../db/session.ts';
import { ACTOR_FAMILY_LABELS, formatDate, NEED_SHORT_LABELS } from '../../i18n/fr.ts';
import { INITIATIVE_FIELDS, inlineLabel, type InitiativeFieldName } from '../../model/initiatives/fields.ts';
import { INITIATIVE_STAGE_LABELS } from '../../model/initiatives/labels.ts';
import { sdg17TargetLabel, sdgLabel } from '../../model/initiatives/sdgs.ts';
import { FormError } from '../../ui/FormError.tsx';
import { useWorkspaces } from '../../db/react/useWorkspaces.ts';
import { dismissVersion, restoreVersion, watchDrafts, watchInitiative } from './commands.ts';
import { InitiativeSendState } from './InitiativeSendState.tsx';
import { PhotoView } from './PhotoView.tsx';
import { describeUploads, useOutbox, useOwnerId, usePhotoInfos, useUploadProgress } from './status-hooks.ts';
import './initiatives.css';
import { KeptVersion } from '../../ui/KeptVersion.tsx';

/** A changed field's name, as the kept versions name it. */
const fieldLabel = (field: string) =>
  field === '_deleted'
    ? 'suppression'
    : field === 'workspaceId'
      ? 'visibilité'
      : field in INITIATIVE_FIELDS
        ? inlineLabel(INITIATIVE_FIELDS[field as InitiativeFieldName].label)
        : field;

/** /initiatives/:id: everything about one initiative, its photos, where its sending stands. */
export default function InitiativeDetailPage() {
  const { id = '' } = useParams();
  const { db } = useDatabase();
  const location = useLocation();
  const initiative = useObservable(() => watchInitiative(db, id), [db, id]);
  const drafts = useObservable(() => watchDrafts(db), [db]);
  const session = useObservable(() => watchSession(db), [db]);
  const workspaces = useWorkspaces(session);
  const ownerId = useOwnerId();
  const outbox = useOutbox();
  const progress = useUploadProgress();
  const photos = usePhotoInfos(initiative?.photos.map((p) => p.sha256) ?? []);
  const [problem, setProblem] = useState<string>();

  if (initiative === undefined) return <p className="muted">Chargement…</p>;
  if (initiative === null) {
    return (
      <>
        <h1>Introuvable</h1>
        <p>
          Cette initiative n’est pas (ou plus) sur cet appareil. <Link to="/initiatives">Retour aux initiatives</Link>
        </p>
      </>
    );
  }
  const mine = initiative.ownerId === ownerId;
  const editing = drafts?.some((d) => d.id === initiative.id);
  const group = initiative.workspaceId && workspaces.find((w) => w.id === initiative.workspaceId)?.name;
  const run = (action: () => Promise<void>) =>
    action().then(
      () => setProblem(undefined),
      (error: unknown) => setProblem(`Le changement n’a pas pu être enregistré sur l’appareil (${String(error)}).`),
    );
  const { contact, commune } = initiative;

  return (
    <article className="initiative-detail">
      <p className="kicker">
        <Link to="/initiatives">Initiatives</Link>
      </p>
      <h1>{initiative.title}</h1>
      {(location.state as { recorded?: boolean } | null)?.recorded && (
        <p className="account-notice">Initiative enregistrée sur l’appareil : elle part dès que possible.</p>
      )}
      <InitiativeSendState
        initiative={initiative}
        outbox={outbox}
        photos={photos}
        signedIn={Boolean(session)}
        mine={mine}
      />
      <p role="status" className="muted">
        {describeUploads(progress)}
      </p>
      {mine && (
        <p className="actions">
          <Link className="button" to={`/initiatives/${initiative.id}/modifier`}>
            {editing ? 'Reprendre la modification' : 'Modifier'}
          </Link>
        </p>
      )}
      {initiative.conflicts?.map((conflict, index) => (
        <KeptVersion
          key={`${conflict.field}-${index}`}
          description={` (${fieldLabel(conflict.field)}) : ${typeof conflict.value === 'string' ? `« ${conflict.value} »` : 'valeur différente'}`}
          onRestore={mine ? () => void run(() => restoreVersion(db, initiative.id, index)) : undefined}
          onDismiss={mine ? () => void run(() => dismissVersion(db, initiative.id, index)) : undefined}
        />
      ))}
      <FormError message={problem} />

      <p className="note-text">{initiative.description}</p>
      <dl className="facts">
        <dt>Commune</dt>
        <dd>{commune ? `${commune.name} (${commune.departement}), code INSEE ${commune.code}` : '—'}</dd>
        <dt>Besoins</dt>
        <dd>{initiative.needs.map((n) => NEED_SHORT_LABELS[n]).join(', ') || '—'}</dd>
        <dt>Stade</dt>
        <dd>{initiative.stage ? INITIATIVE_STAGE_LABELS[initiative.stage] : '—'}</dd>
        <dt>Début</dt>
        <dd>{initiative.startDate ?? '—'}</dd>
        <dt>Acteurs</dt>
        <dd>{initiative.actorFamilies.map((f) => ACTOR_FAMILY_LABELS[f]).join(', ') || '—'}</dd>
        <dt>Organisations</dt>
        <dd className="note-text">{initiative.organisations || '—'}</dd>
        <dt>ODD</dt>
        <dd>
          {initiative.sdgs.length === 0 ? (
            '—'
          ) : (
            <ul className="plain-list">
              {initiative.sdgs.map((sdg) => (
                <li key={sdg}>{sdgLabel(sdg)}</li>
              ))}
              {initiative.sdg17Targets.map((target) => (
                <li key={target}>Cible {sdg17TargetLabel(target)}</li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Visibilité</dt>
        <dd>{initiative.workspaceId ? `Groupe « ${group || 'nom inconnu hors ligne'} »` : 'Privée'}</dd>
        {!mine && (
          <>
            <dt>Auteur</dt>
            <dd>{initiative.authorName ?? 'un membre du groupe'}</dd>
          </>
        )}
        <dt>Enregistrée</dt>
        <dd>
          le {formatDate(initiative.createdAt.slice(0, 10))}
          {initiative.updatedAt !== initiative.createdAt &&
            `, modifiée le ${formatDate(initiative.updatedAt.slice(0, 10))}`}
        </dd>
        {contact && (
          <>
            <dt>Contact</dt>
            <dd>
              {[contact.name, contact.email, contact.phone].filter(Boolean).join(' · ')}
              <br />
              <span className="muted">
                Accord donné le {formatDate(contact.consentAt)}, à supprimer le {formatDate(contact.retainUntil)}
              </span>
            </dd>
          </>
        )}
      </dl>

      {initiative.photos.length > 0 && (
        <section aria-labelledby="photos">
          <h2 id="photos">Photos</h2>
          <ul className="photo-list">
            {initiative.photos.map((photo, i) => (
              <li key={photo.sha256} className="photo-item">
                <figure>
                  <PhotoView
                    key={photo.sha256}
                    photo={photo}
                    token={session?.token}
                    alt={photo.caption || `Photo ${i + 1} de l’initiative`}
                  />
                  <figcaption>
                    {photo.caption}
                    {photo.consent && <span className="muted"> Personnes reconnaissables, avec leur accord.</span>}
                  </figcaption>
                </figure>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
