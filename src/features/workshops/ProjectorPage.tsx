import { Link, useParams } from 'react-router';
import { formatWorkshopCode } from '../../model/workshops/code.ts';
import { currentStep, formatTimer, timerAt } from '../../model/workshops/run.ts';
import { QrCodeImage } from '../../ui/qr/QrCodeImage.tsx';
import { useEntries, useNow, useWorkshop } from './hooks.ts';
import { useInvitationUrl } from './invitation.ts';
import { useWall } from './wall.ts';
import { WallList } from './WallList.tsx';
import './workshops.css';
import { WorkshopNotFound } from './WorkshopNotFound.tsx';

/**
 * /ateliers/:id/projection: what the room sees, full screen, large type,
 * high contrast — the step, its question, the timer, how to join, and the
 * wall, updated live by the group's sync.
 */
export default function ProjectorPage() {
  const { id = '' } = useParams();
  const workshop = useWorkshop(id);
  const entries = useEntries(id);
  const now = useNow();
  const url = useInvitationUrl(workshop);
  const step = workshop ? currentStep(workshop) : undefined;
  const cards = useWall(workshop, entries, step?.id);

  if (workshop === undefined) return <p className="projector">Chargement…</p>;
  if (workshop === null)
    return (
      <main className="projector" lang="fr">
        <WorkshopNotFound />
      </main>
    );
  const timer = timerAt(workshop, now);
  const code = formatWorkshopCode(workshop.code);
  const highlighted = cards.find((c) => c.contribution.id === workshop.run.highlightedId);

  return (
    <main className="projector" lang="fr">
      <header className="projector-head">
        <p className="projector-title">{workshop.title}</p>
        <div className="projector-tools">
          <button type="button" onClick={() => void document.documentElement.requestFullscreen?.()}>
            Plein écran
          </button>
          <Link to={`/ateliers/${id}/animer`}>Commandes</Link>
        </div>
      </header>
      <section className="projector-step" aria-labelledby="etape-en-cours">
        <p className="projector-count">
          {workshop.status === 'termine'
            ? 'Atelier terminé'
            : `Étape ${workshop.run.stepIndex + 1} sur ${workshop.steps.length}`}
        </p>
        <h1 id="etape-en-cours">{step?.title}</h1>
        {step?.question && <p className="projector-question">{step.question}</p>}
        <p className="projector-timer" role="timer" aria-label="Temps restant pour l’étape">
          {formatTimer(timer.remaining)}
          {timer.paused && ' (en pause)'}
          {!timer.started && workshop.status !== 'termine' && ' (pas encore commencée)'}
        </p>
      </section>
      <aside className="projector-join" aria-labelledby="participer">
        <h2 id="participer">Participer</h2>
        {url && <QrCodeImage text={url} size={300} alt={`QR code pour rejoindre l’atelier (code ${code})`} />}
        <p>
          Code : <strong className="workshop-code">{code}</strong>
        </p>
        <p>
          ou <strong>{location.host}/ateliers</strong>
        </p>
        <p className="projector-note">
          {workshop.status === 'termine'
            ? 'Merci ! Donnez votre avis sur l’atelier depuis votre téléphone : le lien est sur la page de l’atelier.'
            : 'Sans compte ni installation. Un téléphone qui n’a jamais ouvert l’application a besoin du réseau une fois.'}
        </p>
      </aside>
      <section className="projector-wall" aria-labelledby="mur">
        <h2 id="mur">Mur des contributions</h2>
        {highlighted && (
          <blockquote className="projector-highlight" aria-label="Contribution mise en avant">
            {highlighted.contribution.text}
          </blockquote>
        )}
        {workshop.run.wallVisible ? (
          <WallList cards={cards} label="Contributions de l’étape" highlightedId={workshop.run.highlightedId} />
        ) : (
          <p>Le mur est masqué pour l’instant.</p>
        )}
      </section>
    </main>
  );
}
