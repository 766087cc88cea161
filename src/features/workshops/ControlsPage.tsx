import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useDatabase } from '../../db/react/DatabaseContext.tsx';
import {
  currentStep,
  extend,
  finish,
  formatTimer,
  nextStep,
  pause,
  previousStep,
  resume,
  startWorkshop,
  timerAt,
} from '../../model/workshops/run.ts';
import type { Workshop } from '../../model/workshops/workshop.ts';
import { FormError } from '../../ui/FormError.tsx';
import { changeRun } from './commands.ts';
import { useEntries, useNow, useWorkshop } from './hooks.ts';
import { useWall } from './wall.ts';
import { WallList } from './WallList.tsx';
import './workshops.css';
import { WorkshopNotFound } from './WorkshopNotFound.tsx';

type Transition = (workshop: Workshop, now: string) => Pick<Workshop, 'run' | 'status'>;

/** /ateliers/:id/animer: the facilitator's controls, from the laptop or a phone. */
export default function ControlsPage() {
  const { id = '' } = useParams();
  const { db } = useDatabase();
  const workshop = useWorkshop(id);
  const entries = useEntries(id);
  const now = useNow();
  const step = workshop ? currentStep(workshop) : undefined;
  const cards = useWall(workshop, entries, step?.id);
  const [error, setError] = useState<string>();

  if (workshop === undefined) return <p className="muted">Chargement…</p>;
  if (workshop === null) return <WorkshopNotFound />;
  const run = (transition: Transition) =>
    changeRun(db, id, transition).then(
      () => setError(undefined),
      () => setError('Le changement n’a pas pu être enregistré sur cet appareil.'),
    );
  const timer = timerAt(workshop, now);
  const started = Boolean(workshop.run.stepStartedAt);
  const over = workshop.status === 'termine';
  const highlight = (contributionId?: string) =>
    run((w) => ({ status: w.status, run: { ...w.run, highlightedId: contributionId } }));

  return (
    <article className="workshops controls">
      <p>
        <Link to={`/ateliers/${id}`}>← {workshop.title}</Link>
      </p>
      <h1>Animer l’atelier</h1>
      <section aria-labelledby="etape" className="card">
        <h2 id="etape">
          Étape {workshop.run.stepIndex + 1} sur {workshop.steps.length} : {step?.title}
        </h2>
        <p role="timer" aria-label="Temps restant" className="controls-timer">
          {formatTimer(timer.remaining)}
          {timer.paused && ' (en pause)'}
        </p>
        <div className="actions">
          {!started && !over && (
            <button type="button" className="primary" onClick={() => void run(startWorkshop)}>
              Démarrer l’atelier
            </button>
          )}
          <button type="button" disabled={over || workshop.run.stepIndex === 0} onClick={() => void run(previousStep)}>
            Étape précédente
          </button>
          <button
            type="button"
            disabled={over || workshop.run.stepIndex >= workshop.steps.length - 1}
            onClick={() => void run(nextStep)}
          >
            Étape suivante
          </button>
          {timer.paused ? (
            <button type="button" disabled={over} onClick={() => void run(resume)}>
              Reprendre
            </button>
          ) : (
            <button type="button" disabled={over || !started} onClick={() => void run(pause)}>
              Pause
            </button>
          )}
          <button type="button" disabled={over} onClick={() => void run((w) => extend(w, 5))}>
            Prolonger de 5 min
          </button>
          <button
            type="button"
            aria-pressed={workshop.run.wallVisible}
            onClick={() => void run((w) => ({ status: w.status, run: { ...w.run, wallVisible: !w.run.wallVisible } }))}
          >
            Mur affiché
          </button>
          <button
            type="button"
            disabled={over}
            onClick={() => {
              if (window.confirm('Terminer l’atelier ? Il ne recevra plus de contributions.')) void run(finish);
            }}
          >
            Terminer l’atelier
          </button>
        </div>
        <FormError message={error} />
      </section>
      <section aria-labelledby="contributions-etape">
        <h2 id="contributions-etape">Contributions de l’étape</h2>
        <WallList
          cards={cards}
          label="Contributions de l’étape en cours"
          highlightedId={workshop.run.highlightedId}
          actions={(card) => {
            const on = workshop.run.highlightedId === card.contribution.id;
            return (
              <button
                type="button"
                aria-pressed={on}
                onClick={() => void highlight(on ? undefined : card.contribution.id)}
              >
                Mettre en avant
              </button>
            );
          }}
        />
      </section>
    </article>
  );
}
