import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { newId } from '../../../db/ids.ts';
import { useDatabase } from '../../../db/react/DatabaseContext.tsx';
import { useObservable } from '../../../db/react/hooks.ts';
import { INITIATIVE_SEED_STATE } from '../../../model/initiatives/seed.ts';
import {
  boardSections,
  duplicatesOf,
  groupContributions,
  groupOf,
  initiativeSeed,
  mergeDuplicate,
  tagContribution,
  tagsOf,
  ungroup,
  unlinkInitiative,
  unmerge,
} from '../../../model/workshops/board.ts';
import { isContribution } from '../../../model/workshops/contribution.ts';
import type { Board } from '../../../model/workshops/workshop.ts';
import { FormError } from '../../../ui/FormError.tsx';
import { changeBoard, linkNewInitiative, watchInitiativeTitles } from '../commands.ts';
import { useEntries, useWorkshop } from '../hooks.ts';
import { useWall } from '../wall.ts';
import { BoardCard } from './BoardCard.tsx';
import '../workshops.css';
import { WorkshopNotFound } from '../WorkshopNotFound.tsx';

const NO_TITLES = new Map<string, string>();
const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;

/**
 * /ateliers/:id/tableau: after (or during) the workshop, the facilitator
 * folds duplicates, groups contributions, tags them with needs and SDGs, and
 * turns one into an initiative. Everything is written to the workshop on
 * this device, then synced; the participants' own documents stay untouched.
 */
export default function BoardPage() {
  const { id = '' } = useParams();
  const { db } = useDatabase();
  const navigate = useNavigate();
  const workshop = useWorkshop(id);
  const entries = useEntries(id);
  const cards = useWall(workshop, entries);
  const linkedIds = workshop?.board.initiatives.map((link) => link.initiativeId) ?? [];
  const idsKey = linkedIds.join(',');
  const titles = useObservable(() => watchInitiativeTitles(db, linkedIds), [db, idsKey]) ?? NO_TITLES;
  const [selected, setSelected] = useState<string[]>([]);
  const [groupTitle, setGroupTitle] = useState('');
  const [tagging, setTagging] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();
  const contributions = useMemo(() => new Map(entries.filter(isContribution).map((c) => [c.id, c])), [entries]);

  if (workshop === undefined) return <p className="muted">Chargement…</p>;
  if (workshop === null) return <WorkshopNotFound />;
  const { board } = workshop;
  const steps = new Map(workshop.steps.map((s) => [s.id, s.title]));
  const onBoard = new Set(cards.map((c) => c.contribution.id));
  const chosen = cards.filter((c) => selected.includes(c.contribution.id) && onBoard.has(c.contribution.id));

  const apply = (change: (board: Board) => Board, done: string) =>
    changeBoard(db, id, change).then(
      () => {
        setError(undefined);
        setStatus(done);
      },
      () => setError('Le changement n’a pas pu être enregistré sur cet appareil.'),
    );

  const mergeChosen = () => {
    const [target, ...others] = chosen; // the most supported stays
    if (!target || others.length === 0) return;
    void apply(
      (b) => others.reduce((next, card) => mergeDuplicate(next, card.contribution.id, target.contribution.id), b),
      `${plural(others.length, 'doublon')} fusionné${others.length > 1 ? 's' : ''} dans « ${target.contribution.text} ».`,
    ).then(() => setSelected([]));
  };

  const groupChosen = () => {
    const title = groupTitle.trim();
    if (!title) {
      setError('Donnez un nom au groupe.');
      return;
    }
    if (chosen.length === 0) return;
    const existing = board.groups.find((g) => g.title.toLocaleLowerCase('fr') === title.toLocaleLowerCase('fr'));
    const group = existing ?? { id: newId(), title: title.slice(0, 200) };
    void apply(
      (b) =>
        groupContributions(
          b,
          group,
          chosen.map((c) => c.contribution.id),
        ),
      `${plural(chosen.length, 'contribution')} dans le groupe « ${group.title} ».`,
    ).then(() => {
      setSelected([]);
      setGroupTitle('');
    });
  };

  const startInitiative = async (contributionId: string) => {
    const contribution = contributions.get(contributionId);
    if (!contribution) return;
    try {
      const seed = initiativeSeed(workshop, contribution);
      const initiativeId = await linkNewInitiative(db, id, contributionId);
      navigate(`/initiatives/nouvelle?brouillon=${initiativeId}`, { state: { [INITIATIVE_SEED_STATE]: seed } });
    } catch {
      setError('Le changement n’a pas pu être enregistré sur cet appareil.');
    }
  };

  return (
    <article className="workshops board">
      <p>
        <Link to={`/ateliers/${id}`}>← {workshop.title}</Link>
      </p>
      <h1>Tableau des contributions</h1>
      <p className="muted">
        Fusionnez les doublons (leurs gommettes s’additionnent), regroupez, étiquetez par besoin et par ODD, et faites
        d’une contribution une initiative. Les participants ne voient pas ce tableau ; le compte rendu en tient compte.
      </p>
      <section aria-labelledby="selection" className="card board-selection">
        <h2 id="selection">Sélection : {plural(chosen.length, 'contribution')}</h2>
        <div className="actions">
          <button type="button" disabled={chosen.length < 2} onClick={mergeChosen}>
            Fusionner les doublons
          </button>
        </div>
        <div className="field">
          <label htmlFor="nom-groupe">Nom du groupe (nouveau ou existant)</label>
          <input
            id="nom-groupe"
            list="groupes-existants"
            maxLength={200}
            value={groupTitle}
            onChange={(e) => setGroupTitle(e.target.value)}
          />
          <datalist id="groupes-existants">
            {board.groups.map((g) => (
              <option key={g.id} value={g.title} />
            ))}
          </datalist>
        </div>
        <div className="actions">
          <button type="button" disabled={chosen.length === 0} onClick={groupChosen}>
            Regrouper
          </button>
        </div>
        <FormError message={error} />
        <p role="status">{status}</p>
      </section>
      {cards.length === 0 && <p className="muted">Aucune contribution pour l’instant.</p>}
      {boardSections(board, cards).map(({ group, cards: sectionCards }) => {
        const heading = group ? `Groupe « ${group.title} »` : board.groups.length > 0 ? 'Hors groupe' : 'Contributions';
        const headingId = `section-${group?.id ?? 'autres'}`;
        if (sectionCards.length === 0) return null;
        return (
          <section key={group?.id ?? ''} aria-labelledby={headingId}>
            <h2 id={headingId}>
              {heading} ({sectionCards.length})
            </h2>
            <ul className="wall" aria-label={heading}>
              {sectionCards.map((card) => {
                const c = card.contribution;
                return (
                  <BoardCard
                    key={c.id}
                    card={card}
                    links={{
                      initiatives: board.initiatives
                        .filter((link) => link.contributionId === c.id)
                        .map((link) => ({ id: link.initiativeId, title: titles.get(link.initiativeId) })),
                      duplicates: duplicatesOf(board, c.id).flatMap((d) => contributions.get(d) ?? []),
                      tags: tagsOf(board, c.id),
                      stepTitle: steps.get(c.stepId),
                      inGroup: Boolean(groupOf(board, c.id)),
                      seed: initiativeSeed(workshop, c),
                    }}
                    selected={selected.includes(c.id)}
                    tagging={tagging === c.id}
                    onSelect={(on) => setSelected((list) => (on ? [...list, c.id] : list.filter((x) => x !== c.id)))}
                    onTag={(open) => setTagging(open ? c.id : undefined)}
                    onSaveTags={(needs, sdgs) =>
                      void apply((b) => tagContribution(b, c.id, needs, sdgs), 'Étiquettes enregistrées.').then(() =>
                        setTagging(undefined),
                      )
                    }
                    onUnmerge={(from) => void apply((b) => unmerge(b, from), 'Doublon séparé.')}
                    onUngroup={() => void apply((b) => ungroup(b, c.id), 'Contribution retirée du groupe.')}
                    onInitiative={() => void startInitiative(c.id)}
                    onUnlink={(initiativeId) =>
                      void apply((b) => unlinkInitiative(b, initiativeId), 'Initiative abandonnée.')
                    }
                  />
                );
              })}
            </ul>
          </section>
        );
      })}
    </article>
  );
}
