/** Text of ours or the user's put into Markdown without making structure (headings, lists, HTML). */

/** Backslash-escapes the characters that make inline Markdown or HTML. */
function escapeInlineCharacters(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&#]/g, '\\$&');
}

/** One line of text (a title, a heading): line breaks become spaces. */
export function escapeInline(text: string): string {
  return escapeInlineCharacters(text.replace(/\s*[\r\n]+\s*/g, ' ').trim());
}

/**
 * A user's multi-line text as Markdown that renders as that text and nothing
 * else: inline markers and HTML are escaped, a line cannot start a heading,
 * a quote, a list, a code block or a rule, and line breaks are kept (two
 * trailing spaces); blank lines still separate paragraphs. Leading
 * indentation is dropped (four spaces would start a code block).
 */
export function escapeBlock(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      escapeInlineCharacters(line.trimStart().replace(/\s+$/, ''))
        .replace(/^([-+=])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2'),
    );
  // Collapse runs of blank lines, and drop them at both ends.
  const kept = lines.filter((line, i) => line !== '' || (i > 0 && lines[i - 1] !== ''));
  while (kept.length > 0 && kept[0] === '') kept.shift();
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return kept.map((line, i) => (line !== '' && kept[i + 1] ? `${line}  ` : line)).join('\n');
}
