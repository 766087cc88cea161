import type { Block } from '../../model/library.ts';

/**
 * Renders a library text. Block HTML comes from the library's own Markdown,
 * converted by the server's importer, which refuses raw HTML.
 */
export function Blocks({ blocks }: { blocks: Block[] }) {
  return (
    <div className="prose">
      {blocks.map((block) => (
        <div
          key={block.id}
          id={block.id}
          className={`block block-${block.kind}`}
          dangerouslySetInnerHTML={{ __html: block.html }}
        />
      ))}
    </div>
  );
}

/** Top-level sections of a text, for a table of contents. */
export function sectionsOf(blocks: Block[]): Block[] {
  return blocks.filter((b) => b.kind === 'heading' && b.level === 2);
}

/** The blocks under each level-2 heading, keyed by the heading's text. */
export function splitSections(blocks: Block[]): { intro: Block[]; sections: Map<string, Block[]> } {
  const intro: Block[] = [];
  const sections = new Map<string, Block[]>();
  let current: Block[] = intro;
  for (const block of blocks) {
    if (block.kind === 'heading' && block.level === 2) {
      current = [];
      sections.set(block.text, current);
    } else {
      current.push(block);
    }
  }
  return { intro, sections };
}
