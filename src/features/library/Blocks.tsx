import { useCallback, useState, type MouseEvent } from 'react';
import type { Block } from '../../model/library.ts';
import { GlossaryPopover, type OpenTerm } from './GlossaryPopover.tsx';

/**
 * Renders a library text. Block HTML comes from the library's own Markdown,
 * converted by the server's importer, which refuses raw HTML. Glossary terms
 * linked by the importer open their definition in place.
 */
export function Blocks({ blocks }: { blocks: Block[] }) {
  const [openTerm, setOpenTerm] = useState<OpenTerm>();
  const close = useCallback(() => setOpenTerm(undefined), []);
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a.glossary-term');
    if (!link?.dataset.term) return;
    event.preventDefault();
    setOpenTerm({ id: link.dataset.term, anchor: link });
  };
  return (
    <div className="prose" onClick={onClick}>
      {blocks.map((block) => (
        <div
          key={block.id}
          id={block.id}
          className={`block block-${block.kind}`}
          dangerouslySetInnerHTML={{ __html: block.html }}
        />
      ))}
      {openTerm && <GlossaryPopover open={openTerm} onClose={close} />}
    </div>
  );
}

/** Top-level sections of a text, for a table of contents. */
export function sectionsOf(blocks: Block[]): Block[] {
  return blocks.filter((b) => b.kind === 'heading' && b.level === 2);
}

/** The blocks under each level-2 heading, keyed by the heading's id (a need's steps: comprendre, s-approprier, agir). */
export function splitSections(blocks: Block[]): { intro: Block[]; sections: Map<string, Block[]> } {
  const intro: Block[] = [];
  const sections = new Map<string, Block[]>();
  let current: Block[] = intro;
  for (const block of blocks) {
    if (block.kind === 'heading' && block.level === 2) {
      current = [];
      sections.set(block.id, current);
    } else {
      current.push(block);
    }
  }
  return { intro, sections };
}
