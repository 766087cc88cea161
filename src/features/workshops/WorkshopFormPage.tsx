import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useDatabase } from '../../db/react/DatabaseContext.tsx';
import { agendaFromKit, agendaProblems } from '../../model/workshops/agenda.ts';
import { WORKSHOP_LIMITS } from '../../model/workshops/workshop.ts';
import { CommunePicker } from '../../ui/CommunePicker.tsx';
import { AgendaEditor } from './AgendaEditor.tsx';
import { createWorkshop, updateWorkshop, type WorkshopInput } from './commands.ts';
import { useGroups, useKits, useWorkshop } from './hooks.ts';
import { Worksheets } from './Worksheets.tsx';
import './workshops.css';

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
  if (!id) return <WorkshopForm initial={EMPTY} />;
  if (existing === null) return <p>Atelier introuvable sur cet appareil.</p>;
  if (!existing) return <p className="muted">Chargement…</p>;
  const { title, startsAt, place, kitId, dotsPerParticipant, steps, workspaceId } = existing;
  return <WorkshopForm id={id} initial={{ title, startsAt, place, kitId, dotsPerParticipant, steps, workspaceId }} />;
}

function WorkshopForm({ id, initial }: { id?: string; initial: WorkshopInput }) {
  const { db } = useDatabase();
  const navigate = useNavigate();
  const kits = useKits();
  const groups = useGroups();
  const [input, setInput] = useState<WorkshopInput>(initial);
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
    ];
    setErrors(problems);
    if (problems.length > 0) return;
    setSaving(true);
    try {
      const saved = id
        ? await updateWorkshop(db, id, { ...input, title: input.title.trim() })
        : await createWorkshop(db, { ...input, title: input.title.trim() });
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
      <p className="muted">Tout se prépare sans réseau ; l’atelier part vers votre groupe à la prochaine connexion.</p>
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
            et ne peut pas accueillir de participants. Pour un nouveau groupe, créez-le dans{' '}
            <Link to="/espaces">Espaces</Link> (réseau nécessaire), puis revenez ici.
          </p>
          <select
            id="atelier-groupe"
            aria-describedby="atelier-groupe-aide"
            value={input.workspaceId ?? ''}
            onChange={(e) => set({ workspaceId: e.target.value || null })}
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
          </select>
        </div>
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
