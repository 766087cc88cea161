import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatWorkshopCode } from '../../model/workshops/code.ts';
import { plannedMinutes } from '../../model/workshops/agenda.ts';
import { WORKSHOP_STATUS_LABELS } from '../../model/workshops/workshop.ts';
import { QrCodeImage } from '../../ui/qr/QrCodeImage.tsx';
import { formatStart } from './format.ts';
import { useGroups, useKits, usePendingGroup, useWorkshop } from './hooks.ts';
import { invitationText, useInvitationUrl } from './invitation.ts';
import { Worksheets } from './Worksheets.tsx';
import './workshops.css';
import { WorkshopNotFound } from './WorkshopNotFound.tsx';

/** /ateliers/:id: the workshop, its invitation (link, QR code, short code, text to send) and where to go next. */
export default function WorkshopPage() {
  const { id = '' } = useParams();
  const workshop = useWorkshop(id);
  const waitingGroup = usePendingGroup(id);
  const groups = useGroups();
  const kits = useKits();
  const url = useInvitationUrl(workshop);
  const [copied, setCopied] = useState<string>();

  if (workshop === undefined) return <p className="muted">Chargement…</p>;
  if (workshop === null) return <WorkshopNotFound />;
  const code = formatWorkshopCode(workshop.code);
  const text = url ? invitationText(workshop, url) : '';
  const group = groups.find((g) => g.id === workshop.workspaceId);
  const kit = kits.find((k) => k.id === workshop.kitId);
  const copy = (what: string, value: string) =>
    navigator.clipboard.writeText(value).then(
      () => setCopied(`${what} copié.`),
      () => setCopied('La copie a échoué : sélectionnez le texte et copiez-le à la main.'),
    );

  return (
    <article className="workshops">
      <p>
        <Link to="/ateliers">← Ateliers</Link>
      </p>
      <h1>{workshop.title}</h1>
      <p>
        {formatStart(workshop.startsAt)}
        {workshop.place && ` — ${workshop.place.name} (${workshop.place.departement})`} —{' '}
        {WORKSHOP_STATUS_LABELS[workshop.status]}
        {workshop.workspaceId && ` — groupe « ${group?.name ?? 'nom inconnu hors ligne'} »`}
      </p>
      <nav aria-label="Atelier" className="workshop-actions">
        <Link className="button primary" to={`/ateliers/${id}/projection`}>
          Vue projecteur
        </Link>
        <Link className="button" to={`/ateliers/${id}/animer`}>
          Animer
        </Link>
        <Link className="button" to={`/ateliers/${id}/tableau`}>
          Tableau des contributions
        </Link>
        <Link className="button" to={`/atelier/${workshop.code}`}>
          Participer depuis cet appareil
        </Link>
        <Link className="button" to={`/ateliers/${id}/recevoir`}>
          Recevoir par QR code
        </Link>
        <Link className="button" to={`/ateliers/${id}/compte-rendu`}>
          Compte rendu
        </Link>
        <Link className="button" to={`/ateliers/${id}/modifier`}>
          Modifier
        </Link>
      </nav>

      <section aria-labelledby="inviter">
        <h2 id="inviter">Inviter les participants</h2>
        {!workshop.workspaceId && waitingGroup ? (
          <p className="notice" role="status">
            {waitingGroup.refusal
              ? `Le groupe « ${waitingGroup.name} » n’a pas pu être créé : ${waitingGroup.refusal} `
              : `Groupe « ${waitingGroup.name} » en attente de réseau : il sera créé à la prochaine connexion, et l’atelier y sera rangé. Les participants pourront alors le rejoindre.`}
            {waitingGroup.refusal && <Link to={`/ateliers/${id}/modifier`}>Choisir un autre nom</Link>}
          </p>
        ) : !workshop.workspaceId ? (
          <p className="notice">
            Cet atelier n’a pas encore de groupe : <Link to={`/ateliers/${id}/modifier`}>choisissez-en un</Link> pour y
            accueillir des participants.
          </p>
        ) : (
          <>
            <p>
              Code de l’atelier : <strong className="workshop-code">{code}</strong>
            </p>
            {url && (
              <QrCodeImage
                text={url}
                size={280}
                alt={`QR code de l’atelier (code ${code}) : le scanner ouvre l’atelier sur le téléphone.`}
              />
            )}
            <p className="muted">
              Un téléphone qui n’a jamais ouvert l’application a besoin du réseau une fois : envoyez l’invitation avant
              le jour de l’atelier.
            </p>
            <div className="field">
              <label htmlFor="invitation-texte">Invitation à envoyer (e-mail ou SMS)</label>
              <textarea id="invitation-texte" readOnly rows={8} value={text} />
            </div>
            <div className="actions">
              <button type="button" disabled={!url} onClick={() => void copy('Texte de l’invitation', text)}>
                Copier l’invitation
              </button>
              <button type="button" disabled={!url} onClick={() => url && void copy('Lien', url)}>
                Copier le lien
              </button>
              <a
                className="button"
                href={`mailto:?subject=${encodeURIComponent(`Atelier « ${workshop.title} »`)}&body=${encodeURIComponent(text)}`}
              >
                Envoyer par e-mail
              </a>
              <a className="button" href={`sms:?&body=${encodeURIComponent(text)}`}>
                Envoyer par SMS
              </a>
            </div>
            <p role="status">{copied}</p>
          </>
        )}
      </section>

      <section aria-labelledby="ordre-du-jour">
        <h2 id="ordre-du-jour">Ordre du jour ({plannedMinutes(workshop.steps)} min)</h2>
        <ol>
          {workshop.steps.map((step) => (
            <li key={step.id}>
              <strong>{step.title}</strong> — {step.minutes} min
              {step.question && <p className="muted">{step.question}</p>}
            </li>
          ))}
        </ol>
      </section>
      {kit && <Worksheets kit={kit} />}
    </article>
  );
}
