import { createHash } from 'node:crypto';
import { Lexer, Parser, Renderer, type Token, type Tokens } from 'marked';
import type { Block, BlockKind } from '../../../src/model/library.ts';
import { typesetHtml } from './typography.ts';

/** Task-list items are labelled checkboxes (a worksheet to tick on paper or on screen). */
class LibraryRenderer extends Renderer {
  override listitem(item: Tokens.ListItem): string {
    if (!item.task) return super.listitem(item);
    return `<li class="task"><label>${this.parser.parse(item.tokens).trim()}</label></li>\n`;
  }
}

/**
 * Turns a Markdown body into blocks with stable ids. A heading's id is the
 * slug of its text; any other block's id is its section's id plus a short
 * hash of its text, so editing one paragraph leaves the others' ids alone.
 * French typography is applied to the rendered text (see typography.ts).
 * Raw HTML is refused: the library is Markdown only.
 */
export function markdownToBlocks(markdown: string): Block[] {
  const tokens = new Lexer({ gfm: true }).lex(markdown);
  const used = new Set<string>();
  const unique = (base: string) => {
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
  let section = 'intro';
  const blocks: Block[] = [];
  for (const token of tokens) {
    if (token.type === 'space' || token.type === 'def') continue;
    assertNoHtml(token);
    const kind = blockKind(token);
    const typed = Parser.parse([token], { gfm: true, renderer: new LibraryRenderer() }).trim();
    // Ids come from the text as typed, so typesetting never moves an annotation's anchor.
    const typedText = htmlToText(typed).trim();
    const html = kind === 'code' ? typed : typesetHtml(typed);
    const text = htmlToText(html).trim();
    if (kind === 'heading') {
      const heading = token as Tokens.Heading;
      section = unique(slugify(typedText) || 'section');
      blocks.push({ id: section, kind, level: heading.depth, html, text });
    } else {
      blocks.push({ id: unique(`${section}-${shortHash(typedText || typed)}`), kind, html, text });
    }
  }
  return blocks;
}

function blockKind(token: Token): BlockKind {
  switch (token.type) {
    case 'heading':
      return 'heading';
    case 'paragraph':
    case 'text':
      return 'paragraph';
    case 'list':
      return 'list';
    case 'table':
      return 'table';
    case 'blockquote':
      return 'quote';
    case 'code':
      return 'code';
    case 'hr':
      return 'rule';
    default:
      throw new Error(`bloc Markdown non pris en charge : ${token.type}`);
  }
}

function assertNoHtml(token: Token): void {
  if (token.type === 'html') {
    throw new Error(`HTML brut interdit : « ${token.raw.trim().slice(0, 60)} »`);
  }
  const children: Token[] = [];
  if ('tokens' in token && Array.isArray(token.tokens)) children.push(...token.tokens);
  if (token.type === 'list') children.push(...(token as Tokens.List).items);
  if (token.type === 'table') {
    const table = token as Tokens.Table;
    for (const cell of [...table.header, ...table.rows.flat()]) children.push(...cell.tokens);
  }
  children.forEach(assertNoHtml);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** The text a browser shows for this HTML (what `textContent` returns). */
export function htmlToText(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name] ?? '');
}

export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}
