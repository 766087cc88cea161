import type { Block } from '../../../src/model/library.ts';

export interface GlossaryEntry {
  id: string;
  term: string;
  aliases: string[];
}

const LINKABLE = new Set<Block['kind']>(['paragraph', 'list', 'table', 'quote']);

/**
 * Links the first occurrence of each glossary term (or one of its aliases)
 * in a text to its definition. Only text outside tags and outside existing
 * links is touched, so the blocks' text — what annotations anchor to —
 * stays the same.
 */
export function linkGlossaryTerms(blocks: Block[], glossary: GlossaryEntry[]): Block[] {
  const pending = glossary
    .map((entry) => ({ entry, pattern: termPattern(entry) }))
    .sort((a, b) => b.entry.term.length - a.entry.term.length);
  return blocks.map((block) => {
    if (!LINKABLE.has(block.kind) || pending.length === 0) return block;
    let html = block.html;
    for (let i = 0; i < pending.length;) {
      const { entry, pattern } = pending[i]!;
      const linked = linkFirst(html, pattern, entry.id);
      if (linked === undefined) {
        i++;
        continue;
      }
      html = linked;
      pending.splice(i, 1);
    }
    return html === block.html ? block : { ...block, html };
  });
}

function termPattern(entry: GlossaryEntry): RegExp {
  const forms = [entry.term, ...entry.aliases]
    .map((form) => form.trim())
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .map((form) =>
      form
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/['’]/g, "['’]")
        .replace(/\s+/g, '\\s+'),
    );
  return new RegExp(`(?<![\\p{L}\\p{N}-])(?:${forms.join('|')})(?![\\p{L}\\p{N}-])`, 'iu');
}

/** Wraps the first match in text outside tags and links; undefined when there is none. */
function linkFirst(html: string, pattern: RegExp, id: string): string | undefined {
  const parts = html.split(/(<[^>]*>)/);
  let insideLink = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.startsWith('<')) {
      if (/^<a[\s>]/i.test(part)) insideLink++;
      else if (/^<\/a>/i.test(part)) insideLink--;
      continue;
    }
    if (insideLink > 0) continue;
    const match = pattern.exec(part);
    if (!match) continue;
    const link = `<a href="/glossaire#${id}" class="glossary-term" data-term="${id}">${match[0]}</a>`;
    parts[i] = part.slice(0, match.index) + link + part.slice(match.index + match[0].length);
    return parts.join('');
  }
  return undefined;
}
