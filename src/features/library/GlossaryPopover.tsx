import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useDatabase } from '../../db/react/DatabaseContext.tsx';
import { useObservable } from '../../db/react/hooks.ts';
import { watchGlossaryTerm } from '../../db/library-queries.ts';

export interface OpenTerm {
  id: string;
  /** The link that opened it: focus goes back there on close. */
  anchor: HTMLElement;
}

/** A term's definition, next to where it appears; by touch, mouse or keyboard. */
export function GlossaryPopover({ open, onClose }: { open: OpenTerm; onClose(): void }) {
  const { db } = useDatabase();
  const term = useObservable(() => watchGlossaryTerm(db, open.id), [db, open.id]);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    panel.current?.focus();
    const close = () => {
      onClose();
      open.anchor.focus();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    };
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !open.anchor.contains(target)) onClose();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open, onClose]);

  // Placed under the term, within the text's container (position: relative).
  const container = open.anchor.closest('.prose')?.getBoundingClientRect().top ?? 0;
  const top = open.anchor.getBoundingClientRect().bottom - container + 6;
  return (
    <div ref={panel} className="popover" role="dialog" aria-labelledby="popover-term" tabIndex={-1} style={{ top }}>
      <p id="popover-term" className="popover-title">
        {term ? term.term : 'Définition'}
      </p>
      {term === null && <p>Ce terme n'est pas dans le glossaire de cet appareil.</p>}
      {term && (
        <div className="prose">
          {term.blocks.map((block) => (
            <div key={block.id} dangerouslySetInnerHTML={{ __html: block.html }} />
          ))}
        </div>
      )}
      <p className="popover-actions">
        <Link to={`/glossaire#${open.id}`}>Voir dans le glossaire</Link>
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            onClose();
            open.anchor.focus();
          }}
        >
          Fermer
        </button>
      </p>
    </div>
  );
}
