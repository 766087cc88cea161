import type { Block } from './library.ts';

/** Reading progress of one text, kept on the device only. */
export interface ReadingProgress {
  readonly resourceId: string;
  /** Ids of the level-2 headings whose section was read to its end. */
  read: readonly string[];
  /** The section the reader was last in. */
  current: string;
  at: number;
}

export interface Section {
  heading: Block;
  /** The last block of the section: reaching it means the section was read. */
  last: Block;
}

/** The level-2 sections of a text, each with its last block. */
export function sectionsWithEnds(blocks: Block[]): Section[] {
  const sections: Section[] = [];
  for (const block of blocks) {
    if (block.kind === 'heading' && block.level === 2) sections.push({ heading: block, last: block });
    else if (sections.length > 0) sections[sections.length - 1]!.last = block;
  }
  return sections;
}

export function markRead(progress: ReadingProgress, sectionId: string, at: number): ReadingProgress {
  if (progress.read.includes(sectionId)) return { ...progress, current: sectionId, at };
  return { ...progress, read: [...progress.read, sectionId], current: sectionId, at };
}
