import { useEffect, useState } from 'react';
import { Link, Navigate, useLocation, useParams, useSearchParams } from 'react-router';
import { useDatabase } from '../../db/react/DatabaseContext.tsx';
import { useObservable } from '../../db/react/hooks.ts';
import { watchSession } from '../../db/session.ts';
import { currentOwnerId } from '../../db/outbox.ts';
import { useWorkspaces } from '../../db/react/useWorkspaces.ts';
import { readInitiativeSeed, seededDraft, type InitiativeSeed } from '../../model/initiatives/seed.ts';
import { newInitiativeId, openDraft } from './commands.ts';
import type { DraftRecord } from './drafts.ts';
import { InitiativeForm } from './InitiativeForm.tsx';
import './initiatives.css';

type Opened = { id: string; record?: DraftRecord; resumed: boolean; mine: boolean; seed?: InitiativeSeed };

/**
 * /initiatives/nouvelle?brouillon=<id> and /initiatives/:id/modifier: opens
 * the draft kept on the device, or starts one. A new form gets its id in the
 * address at once, so that reloading the page finds its draft again.
 * Another screen may open a new form filled in (a workshop's board): the
 * seed comes in the route state and fills a draft that has nothing yet.
 */
export default function InitiativeFormPage() {
  const { db } = useDatabase();
  const { id: editedId } = useParams();
  const [params] = useSearchParams();
  const draftId = editedId ?? params.get('brouillon') ?? undefined;
  const session = useObservable(() => watchSession(db), [db]);
  const workspaces = useWorkspaces(session);
  const [opened, setOpened] = useState<Opened>();
  const [freshId] = useState(newInitiativeId);
  const { state } = useLocation();
  const [seed] = useState(() => (editedId ? undefined : readInitiativeSeed(state)));

  useEffect(() => {
    if (!draftId) return;
    let current = true;
    void Promise.all([openDraft(db, { id: draftId, editing: Boolean(editedId) }), currentOwnerId(db)]).then(
      async ([result, owner]) => {
        const doc = editedId ? await db.initiatives.findOne(editedId).exec() : null;
        if (!current) return;
        const fresh = result && !result.resumed && !result.record.base;
        const record =
          fresh && seed
            ? { ...result.record, draft: seededDraft(result.record.draft, seed), workspaceId: seed.workspaceId ?? null }
            : result?.record;
        setOpened({
          id: draftId,
          record,
          resumed: result?.resumed ?? false,
          mine: !doc || doc.ownerId === owner,
          seed: fresh ? seed : undefined,
        });
      },
    );
    return () => {
      current = false;
    };
  }, [db, draftId, editedId, seed]);

  if (!draftId) return <Navigate to={`/initiatives/nouvelle?brouillon=${freshId}`} replace />;
  if (!opened || opened.id !== draftId || session === undefined)
    return <p className="muted">Ouverture du brouillon…</p>;
  // A new form's address whose initiative is recorded already: its page, not a second form.
  if (!editedId && opened.record?.base) return <Navigate to={`/initiatives/${opened.id}`} replace />;
  if (!opened.record || !opened.mine) {
    return (
      <>
        <h1>Modification impossible</h1>
        <p>
          {opened.record
            ? 'Seule la personne qui a enregistré cette initiative peut la modifier.'
            : 'Cette initiative n’est pas (ou plus) sur cet appareil.'}{' '}
          <Link to="/initiatives">Retour aux initiatives</Link>
        </p>
      </>
    );
  }
  return (
    <>
      {opened.seed?.origin && (
        <p className="notice">
          Formulaire pré-rempli depuis {opened.seed.origin} : vérifiez et complétez avant d’enregistrer.
        </p>
      )}
      <InitiativeForm
        key={opened.id}
        initial={opened.record}
        resumed={opened.resumed}
        editing={Boolean(editedId)}
        session={session}
        workspaces={workspaces}
      />
    </>
  );
}
