import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { anchorAll } from '../../model/anchoring.ts';
import type { Annotation } from '../../model/annotations.ts';
import { AnnotationCard } from './AnnotationCard.tsx';
import { annotationAt, clearHighlights, drawHighlights, renderedBlocks } from './highlighter.ts';

interface Props {
  container: RefObject<HTMLElement | null>;
  /** Changes exactly when the text changes: highlights are anchored again. */
  contentHash: string;
  annotations: Annotation[];
  isMine: (annotation: Annotation) => boolean;
  sectionTitle: (blockId: string) => string;
  onDetached: (detached: Annotation[]) => void;
}

/**
 * Draws the highlights in the text, re-anchored whenever the text or the
 * annotations change, and opens an annotation on tap, click or Enter.
 */
export function Highlights({ container, contentHash, annotations, isMine, sectionTitle, onDetached }: Props) {
  const [openId, setOpenId] = useState<string>();
  const dialog = useRef<HTMLDialogElement>(null);

  useLayoutEffect(() => {
    const root = container.current;
    if (!root) return;
    performance.mark('highlights:start');
    clearHighlights(root);
    const quoted = annotations.filter((a) => a.target.quote);
    const blocks = renderedBlocks(root);
    const { placed, detached } = anchorAll(quoted, blocks);
    drawHighlights(
      root,
      quoted
        .filter((a) => placed.has(a.id))
        .map((a) => ({ annotation: a, placement: placed.get(a.id)!, mine: isMine(a) })),
    );
    const blockIds = new Set(blocks.map((b) => b.id));
    const lostNotes = annotations.filter((a) => !a.target.quote && !blockIds.has(a.target.blockId));
    onDetached([...detached, ...lostNotes]);
    performance.measure('highlights', 'highlights:start');
  }, [container, contentHash, annotations, isMine, onDetached]);

  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const open = (event: Event) => {
      const id = annotationAt(event.target);
      if (!id) return;
      if (event instanceof KeyboardEvent && event.key !== 'Enter' && event.key !== ' ') return;
      if (document.getSelection()?.isCollapsed === false) return; // selecting over a highlight
      event.preventDefault();
      setOpenId(id);
    };
    root.addEventListener('click', open);
    root.addEventListener('keydown', open);
    return () => {
      root.removeEventListener('click', open);
      root.removeEventListener('keydown', open);
    };
  }, [container]);

  const opened = annotations.find((a) => a.id === openId);
  useEffect(() => {
    if (opened && !dialog.current?.open) dialog.current?.showModal();
    if (!opened && dialog.current?.open) dialog.current.close(); // deleted from the dialog itself
  }, [opened]);
  const close = () => {
    dialog.current?.close();
  };
  const onClose = () => {
    const id = openId;
    setOpenId(undefined);
    // Back to the highlight it was opened from.
    if (id)
      container.current?.querySelector<HTMLElement>(`mark[data-annotation="${CSS.escape(id)}"][tabindex]`)?.focus();
  };

  return (
    <dialog ref={dialog} className="dialog annotation-dialog" aria-label="Annotation" onClose={onClose}>
      {opened && (
        <AnnotationCard annotation={opened} context={sectionTitle(opened.target.blockId)} mine={isMine(opened)} />
      )}
      <p className="actions">
        <button type="button" className="button secondary" onClick={close}>
          Fermer
        </button>
      </p>
    </dialog>
  );
}
