import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useDatabase } from '../../db/react/DatabaseContext.tsx';
import { useObservable } from '../../db/react/hooks.ts';
import { watchOutbox } from '../../db/outbox.ts';
import { watchGuestRecord } from '../../db/workshop-guests.ts';
import { parseWorkshopCode, workshopIdOf } from '../../model/workshops/code.ts';
import { dotsId, isDots, type ParticipantDots } from '../../model/workshops/contribution.ts';
import { dotsLeft } from '../../model/workshops/dots.ts';
import { decodeInvitation, type WorkshopInvitation } from '../../model/workshops/invitation.ts';
import { EMPTY_BOARD } from '../../model/workshops/workshop.ts';
import { ContributionForm } from './ContributionForm.tsx';
import { changeDot } from './commands.ts';
import { useEntries, useParticipant, useWorkshop } from './hooks.ts';
import { JoinForm } from './JoinForm.tsx';
import { useGuestSync } from './useGuestSync.ts';
import { useWall } from './wall.ts';
import { WallList } from './WallList.tsx';
import './workshops.css';

/**
 * /atelier/:code: a participant's phone. Join (no account), see the step,
 * post contributions and give dots; everything is kept on the phone and
 * sent when there is a network.
 */
export default function ParticipantPage() {
  const { code: typed = '' } = useParams();
  const code = parseWorkshopCode(typed) ?? '';
  const workshopId = code ? workshopIdOf(code) : '';
  const { db } = useDatabase();
  const { hash } = useLocation();
  const [invitation, setInvitation] = useState<WorkshopInvitation>();
  useEffect(() => {
    if (hash.length > 1) void decodeInvitation(hash.slice(1)).then((i) => i?.id === workshopId && setInvitation(i));
  }, [hash, workshopId]);
  const guest = useObservable(() => watchGuestRecord(db, workshopId), [db, workshopId]);
  const workshop = useWorkshop(workshopId);
  const entries = useEntries(workshopId);
  const known = guest?.invitation ?? invitation;
  const base = workshop ?? (known && { id: known.id, workspaceId: known.workspaceId });
  const participant = useParticipant(base ?? undefined, guest);
  useGuestSync(guest, code);
  const outbox = useObservable(() => watchOutbox(db), [db]);

  const stepIndex = workshop?.run.stepIndex ?? known?.stepIndex ?? 0;
  const steps = workshop?.steps ?? known?.steps ?? [];
  const [chosen, setChosen] = useState<string>();
  const step = steps.find((s) => s.id === chosen) ?? steps[stepIndex];
  const limit = workshop?.dotsPerParticipant ?? known?.dotsPerParticipant ?? 0;
  const cards = useWall(workshop ?? { dotsPerParticipant: limit, board: EMPTY_BOARD }, entries, step?.id);
  const mine = useMemo(
    () =>
      participant &&
      (entries.find((e) => e.id === dotsId(workshopId, participant.ownerId) && isDots(e)) as
        ParticipantDots | undefined),
    [entries, participant, workshopId],
  );
  const myDots = mine?.dots ?? [];
  const pending = new Set(outbox ?? []);
  const myContributions = entries.filter((e) => !isDots(e) && e.ownerId === participant?.ownerId);

  if (!code)
    return (
      <>
        <h1>Lien d’atelier non valable</h1>
        <p>Ce lien ne contient pas de code d’atelier valable : demandez à l’animateur le lien ou le code à 8 signes.</p>
      </>
    );
  if (guest === undefined || workshop === undefined) return <p className="muted">Chargement…</p>;
  if (!guest && !workshop) return <JoinForm workshopId={workshopId} code={code} invitation={invitation} />;
  const title = workshop?.title ?? known?.title ?? 'Atelier';
  const closed = workshop?.status === 'termine';

  return (
    <article className="workshops participant">
      <h1>{title}</h1>
      {guest && !guest.joinedAt && (
        <p className="notice">
          Participation enregistrée sur ce téléphone ; elle sera confirmée à la prochaine connexion.
        </p>
      )}
      {closed && (
        <p className="notice">
          Cet atelier est terminé : il ne reçoit plus de contributions.{' '}
          <Link to={`/avis?atelier=${workshopId}`}>Donner votre avis sur l’atelier</Link> (quelques minutes, sans
          compte, même sans réseau).
        </p>
      )}
      <section aria-labelledby="etape-participant" className="card">
        <h2 id="etape-participant">
          Étape {steps.indexOf(step!) + 1} sur {steps.length} : {step?.title}
        </h2>
        {step?.question && <p className="participant-question">{step.question}</p>}
        {steps.length > 1 && (
          <div className="field">
            <label htmlFor="choix-etape">Étape de vos contributions</label>
            <select id="choix-etape" value={step?.id} onChange={(e) => setChosen(e.target.value)}>
              {steps.map((s, i) => (
                <option key={s.id} value={s.id}>
                  {i + 1}. {s.title}
                </option>
              ))}
            </select>
          </div>
        )}
      </section>
      {participant && step && !closed && <ContributionForm participant={participant} stepId={step.id} />}
      {myContributions.length > 0 && (
        <section aria-labelledby="mes-contributions">
          <h2 id="mes-contributions">Mes contributions</h2>
          <ul>
            {myContributions.map((c) => (
              <li key={c.id}>
                {'text' in c && c.text} —{' '}
                <span className="muted">{pending.has(`contributions/${c.id}`) ? 'en attente d’envoi' : 'envoyée'}</span>
              </li>
            ))}
          </ul>
          <p>
            Pas de réseau ? <Link to={`/atelier/${typed}/partager`}>Partager sans réseau</Link> : l’animateur scanne vos
            contributions et vos gommettes.
          </p>
        </section>
      )}
      <section aria-labelledby="mur-participant">
        <h2 id="mur-participant">Mur de l’étape</h2>
        {limit > 0 && (
          <p role="status">
            Gommettes restantes : {dotsLeft(myDots, limit)} sur {limit}
          </p>
        )}
        <WallList
          cards={cards}
          label="Contributions de l’étape"
          actions={(card) => {
            if (!participant || limit === 0 || closed) return null;
            const given = myDots.find((d) => d.contributionId === card.contribution.id)?.count ?? 0;
            return (
              <div className="actions">
                <button
                  type="button"
                  disabled={dotsLeft(myDots, limit) === 0}
                  onClick={() => void changeDot(db, participant, card.contribution.id, 'add', limit)}
                >
                  Donner une gommette
                </button>
                {given > 0 && (
                  <button
                    type="button"
                    onClick={() => void changeDot(db, participant, card.contribution.id, 'remove', limit)}
                  >
                    Retirer une gommette ({given} donnée{given > 1 ? 's' : ''})
                  </button>
                )}
              </div>
            );
          }}
        />
      </section>
    </article>
  );
}
