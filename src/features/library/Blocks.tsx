import { useCallback, useState, type MouseEvent } from 'react';
import { useNavigate } from 'react-router';
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
  const navigate = useNavigate();
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a');
    if (!link) return;
    if (link.dataset.term) {
      event.preventDefault();
      setOpenTerm({ id: link.dataset.term, anchor: link });
      return;
    }
    // A link to another text of the library stays in the app (no reload, offline too).
    const href = link.getAttribute('href') ?? '';
    if (href.startsWith('/') && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.button === 0) {
      event.preventDefault();
      void navigate(href);
    }
  };
  return (
    <div className="prose" onClick={onClick}>
      {blocks.map((block) =>
        block.kind === 'table' ? (
          // A table too wide for a phone scrolls in its own box, reachable by keyboard (WCAG 1.4.10, 2.1.1).
          <div
            key={block.id}
            id={block.id}
            className="block block-table table-scroll"
            role="region"
            aria-label={`Tableau : ${block.text.slice(0, 60)}`}
            tabIndex={0}
            dangerouslySetInnerHTML={{ __html: block.html }}
          />
        ) : (
          <div
            key={block.id}
            id={block.id}
            className={`block block-${block.kind}`}
            dangerouslySetInnerHTML={{ __html: block.html }}
          />
        ),
      )}
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
