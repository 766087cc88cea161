import { ACTOR_FAMILY_LABELS, NEED_SHORT_LABELS } from '../../i18n/fr.ts';
import { CONTRIBUTION_KIND_LABELS } from '../../model/workshops/contribution.ts';
import type { ReactNode } from 'react';
import type { WallCard } from './wall.ts';

/** Contributions as cards: kind, text, tags, author, dots; `actions` adds each card's buttons. */
export function WallList({
  cards,
  label,
  highlightedId,
  actions,
}: {
  cards: WallCard[];
  label: string;
  highlightedId?: string;
  actions?: (card: WallCard) => ReactNode;
}) {
  if (cards.length === 0) return <p className="muted">Aucune contribution pour l’instant.</p>;
  return (
    <ul className="wall" aria-label={label}>
      {cards.map((card) => {
        const c = card.contribution;
        return (
          <li key={c.id} className={`wall-card${c.id === highlightedId ? ' highlighted' : ''}`}>
            <p className="wall-kind">{CONTRIBUTION_KIND_LABELS[c.kind]}</p>
            <p className="wall-text">{c.text}</p>
            <p className="wall-meta">
              {[c.need && NEED_SHORT_LABELS[c.need], c.actorFamily && ACTOR_FAMILY_LABELS[c.actorFamily], c.authorName]
                .filter(Boolean)
                .join(' — ')}
            </p>
            <p className="wall-dots">
              {card.dots} gommette{card.dots > 1 ? 's' : ''}
            </p>
            {actions?.(card)}
          </li>
        );
      })}
    </ul>
  );
}
