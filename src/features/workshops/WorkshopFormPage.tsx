import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useDatabase } from '../../db/react/DatabaseContext.tsx';
import { useObservable } from '../../db/react/hooks.ts';
import { watchSession } from '../../db/session.ts';
import { agendaFromKit, agendaProblems } from '../../model/workshops/agenda.ts';
import { WORKSHOP_LIMITS } from '../../model/workshops/workshop.ts';
import { CommunePicker } from '../../ui/CommunePicker.tsx';
import { AgendaEditor } from './AgendaEditor.tsx';
import { createWorkshop, updateWorkshop, type WorkshopInput } from './commands.ts';
import { useGroups, useKits, usePendingGroup, useWorkshop } from './hooks.ts';
import { askForGroup, forgetPendingGroup, GROUP_NAME_MAX } from './pending-groups.ts';
import { Worksheets } from './Worksheets.tsx';
import './workshops.css';
import { WorkshopNotFound } from './WorkshopNotFound.tsx';
import { SCREEN_TEXTS } from '../../model/screen-texts.ts';

const EMPTY: WorkshopInput = {
  title: '',
  startsAt: '',
  dotsPerParticipant: 3,
  steps: [],
  workspaceId: null,
};

/** /ateliers/nouveau and /ateliers/:id/modifier: prepare a workshop, offline. */
export default function WorkshopFormPage() {
  const { id } = useParams();
  const existing = useWorkshop(id ?? '');
  const pending = usePendingGroup(id);
  if (!id) return <WorkshopForm initial={EMPTY} />;
  if (existing === null) return <WorkshopNotFound />;
  if (!existing || pending === undefined) return <p className="muted">Chargement…</p>;
  const { title, startsAt, place, kitId, dotsPerParticipant, steps, workspaceId } = existing;
  return (
    <WorkshopForm
      id={id}
      initial={{ title, startsAt, place, kitId, dotsPerParticipant, steps, workspaceId }}
      waitingGroup={pending?.name}
    />
  );
}

/** The group select's value for « a new group ». */
const NEW_GROUP = 'nouveau';

function WorkshopForm({ id, initial, waitingGroup }: { id?: string; initial: WorkshopInput; waitingGroup?: string }) {
  const { db } = useDatabase();
  const navigate = useNavigate();
  const kits = useKits();
  const groups = useGroups();
  const session = useObservable(() => watchSession(db), [db]);
  const [input, setInput] = useState<WorkshopInput>(initial);
  /** The name of the new group asked for; undefined: an existing group, or none. */
  const [newGroup, setNewGroup] = useState<string | undefined>(waitingGroup);
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  const set = (change: Partial<WorkshopInput>) => setInput((current) => ({ ...current, ...change }));
  const kit = kits.find((k) => k.id === input.kitId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = [
      ...(input.title.trim() ? [] : ['Donnez un titre à l’atelier.']),
      ...(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(input.startsAt) ? [] : ['Indiquez la date et l’heure.']),
      ...(input.place ? [] : ['Choisissez la commune où il a lieu.']),
      ...agendaProblems(input.steps),
      ...(newGroup === undefined || newGroup.trim()
        ? []
        : ['Donnez un nom au nouveau groupe (ou choisissez un groupe existant).']),
    ];
    setErrors(problems);
    if (problems.length > 0) return;
    setSaving(true);
    try {
      const saved = id
        ? await updateWorkshop(db, id, { ...input, title: input.title.trim() })
        : await createWorkshop(db, { ...input, title: input.title.trim() });
      if (newGroup !== undefined) await askForGroup(db, newGroup, saved.id);
      else await forgetPendingGroup(db, saved.id);
      void navigate(`/ateliers/${saved.id}`);
    } catch {
      setErrors(['L’atelier n’a pas pu être enregistré sur cet appareil (stockage plein ?).']);
      setSaving(false);
    }
  };

  return (
    <article className="workshops">
      <p>
        <Link to={id ? `/ateliers/${id}` : '/ateliers'}>← Retour</Link>
      </p>
      <h1>{id ? 'Modifier l’atelier' : 'Préparer un atelier'}</h1>
      <p className="lead">{SCREEN_TEXTS['/ateliers/nouveau'].lead}</p>
      <form onSubmit={submit} noValidate className="workshop-form">
        <div className="field">
          <label htmlFor="atelier-titre">Titre</label>
          <input
            id="atelier-titre"
            value={input.title}
            maxLength={WORKSHOP_LIMITS.titleMax}
            onChange={(e) => set({ title: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="atelier-date">Date et heure</label>
          <input
            id="atelier-date"
            type="datetime-local"
            value={input.startsAt}
            onChange={(e) => set({ startsAt: e.target.value.slice(0, 16) })}
          />
        </div>
        <CommunePicker id="atelier-commune" value={input.place} onChange={(place) => set({ place })} />
        <div className="field">
          <label htmlFor="atelier-groupe">Groupe</label>
          <p id="atelier-groupe-aide" className="field-hint">
            Les membres du groupe voient l’atelier et ses contributions ; un atelier sans groupe reste sur cet appareil
            et ne peut pas accueillir de participants. Un nouveau groupe se crée ici même sans réseau : il attend la
            prochaine connexion.
          </p>
          <select
            id="atelier-groupe"
            aria-describedby="atelier-groupe-aide"
            value={newGroup !== undefined ? NEW_GROUP : (input.workspaceId ?? '')}
            onChange={(e) => {
              const value = e.target.value;
              setNewGroup(value === NEW_GROUP ? (newGroup ?? '') : undefined);
              set({ workspaceId: value && value !== NEW_GROUP ? value : null });
            }}
          >
            <option value="">Aucun groupe pour l’instant</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                Groupe « {g.name} »
              </option>
            ))}
            {input.workspaceId && !groups.some((g) => g.id === input.workspaceId) && (
              <option value={input.workspaceId}>Un groupe (nom inconnu hors ligne)</option>
            )}
            <option value={NEW_GROUP} disabled={!session}>
              {session ? 'Un nouveau groupe…' : 'Un nouveau groupe… (connectez-vous d’abord, dans Compte)'}
            </option>
          </select>
        </div>
        {newGroup !== undefined && (
          <div className="field">
            <label htmlFor="atelier-nouveau-groupe">Nom du nouveau groupe</label>
            <p id="atelier-nouveau-groupe-aide" className="field-hint">
              Vous en serez membre et pourrez y inviter d’autres personnes. Sans réseau, sa création attend la prochaine
              connexion ; l’atelier y sera alors rangé.
            </p>
            <input
              id="atelier-nouveau-groupe"
              aria-describedby="atelier-nouveau-groupe-aide"
              maxLength={GROUP_NAME_MAX}
              value={newGroup}
              onChange={(e) => setNewGroup(e.target.value)}
            />
          </div>
        )}
        <div className="field">
          <label htmlFor="atelier-kit">Kit qui sert d’ordre du jour</label>
          <select
            id="atelier-kit"
            value={input.kitId ?? ''}
            onChange={(e) => set({ kitId: e.target.value || undefined })}
          >
            <option value="">Aucun kit</option>
            {kits.map((k) => (
              <option key={k.id} value={k.id}>
                {k.title}
              </option>
            ))}
          </select>
          <button type="button" disabled={!kit} onClick={() => kit && set({ steps: agendaFromKit(kit.blocks) })}>
            Construire l’ordre du jour depuis ce kit
          </button>
        </div>
        <AgendaEditor steps={input.steps} onChange={(steps) => set({ steps })} />
        <div className="field">
          <label htmlFor="atelier-gommettes">Gommettes par participant</label>
          <input
            id="atelier-gommettes"
            type="number"
            inputMode="numeric"
            min={0}
            max={WORKSHOP_LIMITS.dotsMax}
            value={input.dotsPerParticipant}
            onChange={(e) =>
              set({ dotsPerParticipant: Math.min(WORKSHOP_LIMITS.dotsMax, Math.max(0, Number(e.target.value) || 0)) })
            }
          />
        </div>
        {kit && <Worksheets kit={kit} />}
        {errors.length > 0 && (
          <div role="alert" className="form-error">
            <p>À corriger avant d’enregistrer :</p>
            <ul>
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </div>
        )}
        <button type="submit" className="primary" disabled={saving}>
          Enregistrer l’atelier
        </button>
      </form>
    </article>
  );
}
