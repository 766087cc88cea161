import { Link } from 'react-router';
import { ACTOR_FAMILY_LABELS, NEED_SHORT_LABELS } from '../../../i18n/fr.ts';
import { INITIATIVE_SEED_STATE, type InitiativeSeed } from '../../../model/initiatives/seed.ts';
import { CONTRIBUTION_KIND_LABELS, type Contribution } from '../../../model/workshops/contribution.ts';
import type { NeedId } from '../../../model/vocabulary.ts';
import type { WallCard } from '../wall.ts';
import { TagEditor } from './TagEditor.tsx';

export interface CardLinks {
  /** The initiatives started from this contribution, with their title once recorded on this device. */
  initiatives: { id: string; title?: string }[];
  duplicates: Contribution[];
  tags: { needs: NeedId[]; sdgs: number[] };
  stepTitle?: string;
  inGroup: boolean;
  seed: InitiativeSeed;
}

interface Props {
  card: WallCard;
  links: CardLinks;
  selected: boolean;
  tagging: boolean;
  onSelect(on: boolean): void;
  onTag(open: boolean): void;
  onSaveTags(needs: NeedId[], sdgs: number[]): void;
  onUnmerge(duplicateId: string): void;
  onUngroup(): void;
  onInitiative(): void;
  onUnlink(initiativeId: string): void;
}

const quote = (text: string) => `« ${text.length > 60 ? `${text.slice(0, 59)}…` : text} »`;

/** One contribution on the board, with what the facilitator did to it and can do. */
export function BoardCard({ card, links, selected, tagging, ...on }: Props) {
  const c = card.contribution;
  const meta = [
    links.stepTitle,
    c.need && NEED_SHORT_LABELS[c.need],
    c.actorFamily && ACTOR_FAMILY_LABELS[c.actorFamily],
  ];
  const tags = [...links.tags.needs.map((n) => NEED_SHORT_LABELS[n]), ...links.tags.sdgs.map((n) => `ODD ${n}`)];
  return (
    <li className="wall-card board-card">
      <label className="choice" htmlFor={`choisir-${c.id}`}>
        <input
          id={`choisir-${c.id}`}
          type="checkbox"
          checked={selected}
          onChange={(e) => on.onSelect(e.target.checked)}
        />
        Sélectionner
      </label>
      <p className="wall-kind">{CONTRIBUTION_KIND_LABELS[c.kind]}</p>
      <p className="wall-text">{c.text}</p>
      <p className="wall-meta">{meta.filter(Boolean).join(' — ')}</p>
      <p className="wall-dots">
        {card.dots} gommette{card.dots > 1 ? 's' : ''}
      </p>
      {tags.length > 0 && <p className="board-tag-list">Étiquettes : {tags.join(', ')}</p>}
      {links.duplicates.length > 0 && (
        <div>
          <p>Doublons fusionnés ici :</p>
          <ul className="board-duplicates">
            {links.duplicates.map((d) => (
              <li key={d.id}>
                {d.text}{' '}
                <button type="button" aria-label={`Séparer ${quote(d.text)}`} onClick={() => on.onUnmerge(d.id)}>
                  Séparer
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {links.initiatives.map((initiative) =>
        initiative.title ? (
          <p key={initiative.id}>
            Initiative : <Link to={`/initiatives/${initiative.id}`}>{initiative.title}</Link>
          </p>
        ) : (
          <p key={initiative.id}>
            Initiative commencée, pas encore enregistrée :{' '}
            <Link
              to={`/initiatives/nouvelle?brouillon=${initiative.id}`}
              state={{ [INITIATIVE_SEED_STATE]: links.seed }}
            >
              reprendre son formulaire
            </Link>{' '}
            <button type="button" onClick={() => on.onUnlink(initiative.id)}>
              Abandonner
            </button>
          </p>
        ),
      )}
      <div className="actions">
        <button type="button" aria-expanded={tagging} onClick={() => on.onTag(!tagging)}>
          Étiqueter
        </button>
        <button type="button" onClick={on.onInitiative}>
          En faire une initiative
        </button>
        {links.inGroup && (
          <button type="button" onClick={on.onUngroup}>
            Retirer du groupe
          </button>
        )}
      </div>
      {tagging && (
        <TagEditor
          idPrefix={`etiquettes-${c.id}`}
          needs={links.tags.needs}
          sdgs={links.tags.sdgs}
          onSave={on.onSaveTags}
          onCancel={() => on.onTag(false)}
        />
      )}
    </li>
  );
}
