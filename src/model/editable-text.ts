import type { Block } from './library.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/**
 * A library text as a plain-text file anyone can open and edit (a template
 * to adapt): headings underlined, list items and table rows on their own
 * lines, task boxes as « [ ] ». UTF-8 with a byte-order mark and Windows
 * line ends, so that every word processor reads the accents right.
 */
export function editableText(title: string, blocks: readonly Block[]): string {
  const lines = [title, '='.repeat(title.length), ''];
  for (const block of blocks) {
    if (block.kind === 'heading') {
      lines.push(block.text, (block.level ?? 2) <= 2 ? '-'.repeat(block.text.length) : '', '');
      continue;
    }
    if (block.kind === 'rule') {
      lines.push('* * *', '');
      continue;
    }
    const text = plain(
      block.html
        .replace(/<input[^>]*type="checkbox"[^>]*>/g, '[ ]')
        .replace(/<li[^>]*>/g, '- ')
        .replace(/<\/(td|th)>\s*/g, ' | ')
        .replace(/<\/(li|tr|p)>\s*/g, '\n'),
    );
    lines.push(
      ...text
        .split('\n')
        .map((line) => line.replace(/\s*\|\s*$/, '').trimEnd())
        .filter(Boolean),
      '',
    );
  }
  return `\uFEFF${lines.join('\r\n').trimEnd()}\r\n`;
}

function plain(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name] ?? '');
}
