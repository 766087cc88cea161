import type { AnchorBlock, Placement } from '../../model/anchoring.ts';
import type { Annotation } from '../../model/annotations.ts';

/**
 * The DOM side of highlights. A text's blocks are rendered from the
 * library's HTML (`.block` elements with the block id); highlights are
 * `<mark>` elements wrapped around text nodes, and offsets are counted in
 * the block's `textContent` — the same text `describeSelection` and
 * `anchor` are given.
 */

const MARK = 'mark.hl';

export function blockElements(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>('.block[id]')];
}

/** The blocks' texts as rendered, with any highlight already removed. */
export function renderedBlocks(container: HTMLElement): AnchorBlock[] {
  return blockElements(container).map((el) => ({ id: el.id, text: el.textContent ?? '' }));
}

function textNodes(root: Node): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** Offset of a DOM position (node + offset) in the block's textContent. */
function offsetIn(block: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(block);
  range.setEnd(node, offset);
  return range.toString().length;
}

export interface SelectedPassage {
  blockId: string;
  text: string;
  start: number;
  end: number;
}

/**
 * The passage a selection covers, clipped to the block where it starts
 * (a highlight lives in one block); undefined when nothing usable is selected.
 */
export function selectedPassage(container: HTMLElement, selection: Selection | null): SelectedPassage | undefined {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  const startBlock = closestBlock(range.startContainer, container);
  if (!startBlock) return undefined;
  const text = startBlock.textContent ?? '';
  const start = offsetIn(startBlock, range.startContainer, range.startOffset);
  const end = startBlock.contains(range.endContainer)
    ? offsetIn(startBlock, range.endContainer, range.endOffset)
    : text.length;
  if (!text.slice(start, end).trim()) return undefined;
  return { blockId: startBlock.id, text, start, end };
}

function closestBlock(node: Node, container: HTMLElement): HTMLElement | undefined {
  const element = node instanceof Element ? node : node.parentElement;
  const block = element?.closest<HTMLElement>('.block[id]');
  return block && container.contains(block) ? block : undefined;
}

/** Removes every highlight, leaving the text as rendered. */
export function clearHighlights(container: HTMLElement): void {
  const parents = new Set<Node>();
  for (const mark of container.querySelectorAll(MARK)) {
    const parent = mark.parentNode!;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parents.add(parent);
  }
  parents.forEach((parent) => parent.normalize());
}

export interface HighlightView {
  annotation: Annotation;
  placement: Placement;
  /** Shown differently when it is someone else's. */
  mine: boolean;
}

/**
 * Wraps each placed annotation's text in marks. The first mark of each is
 * focusable and announces the annotation; the others only carry its colour.
 */
export function drawHighlights(container: HTMLElement, views: readonly HighlightView[]): void {
  const byBlock = new Map<string, HighlightView[]>();
  for (const view of views) {
    if (view.placement.end <= view.placement.start) continue;
    const list = byBlock.get(view.placement.blockId) ?? [];
    list.push(view);
    byBlock.set(view.placement.blockId, list);
  }
  for (const [blockId, list] of byBlock) {
    const block = container.querySelector<HTMLElement>(`#${CSS.escape(blockId)}`);
    if (!block) continue;
    // Later starts first, so that wrapping one passage never shifts the offsets of those before it.
    for (const view of [...list].sort((a, b) => b.placement.start - a.placement.start)) wrap(block, view);
  }
}

function wrap(block: HTMLElement, view: HighlightView): void {
  const { start, end } = view.placement;
  const pieces: { node: Text; from: number; to: number }[] = [];
  let offset = 0;
  for (const node of textNodes(block)) {
    const length = node.data.length;
    const from = Math.max(start - offset, 0);
    const to = Math.min(end - offset, length);
    if (from < to) pieces.push({ node, from, to });
    offset += length;
    if (offset >= end) break;
  }
  pieces.forEach(({ node, from, to }, index) => {
    let target = node;
    if (from > 0) target = target.splitText(from);
    if (to - from < target.data.length) target.splitText(to - from);
    const mark = document.createElement('mark');
    mark.className = `hl hl-${view.annotation.color}${view.mine ? '' : ' hl-other'}`;
    mark.dataset.annotation = view.annotation.id;
    if (index === 0) {
      mark.tabIndex = 0;
      mark.setAttribute('role', 'button');
      // The name starts with the words one sees (WCAG 2.5.3), then says what a press does.
      mark.setAttribute('aria-label', `${target.data.trim()} — ${highlightLabel(view)}`);
    }
    target.parentNode!.insertBefore(mark, target);
    mark.appendChild(target);
  });
}

function highlightLabel({ annotation, mine }: HighlightView): string {
  const who = mine ? '' : ` de ${annotation.authorName ?? 'un membre du groupe'}`;
  return annotation.note ? `ouvrir la note${who} : ${annotation.note.slice(0, 80)}` : `ouvrir le surlignage${who}`;
}

/** The annotation a click or a key press landed on, if any. */
export function annotationAt(target: EventTarget | null): string | undefined {
  return target instanceof Element ? (target.closest<HTMLElement>(MARK)?.dataset.annotation ?? undefined) : undefined;
}
