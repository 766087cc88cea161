/**
 * French typography, applied by the importer so that editors type plain
 * spaces and apostrophes: a phone never wraps « : ; ? ! » or a guillemet
 * alone onto the next line, nor splits « 20 000 € ».
 *
 * Only spaces already typed are made non-breaking (« Pourquoi ? »); nothing
 * is inserted before « : ; ? ! », so URLs, times (10:30) and the like are
 * left as they are. Guillemets get their space when it is missing.
 */

/** Espace insécable: before « : », inside « », between a number and its unit. */
export const NBSP = '\u00A0';
/** Espace fine insécable: before « ; ? ! » and between groups of digits. */
export const NNBSP = '\u202F';

/** Any white space a line may break at (line ends of the Markdown source included). */
const BREAKABLE = '[ \\t\\r\\n]';

const RULES: [RegExp, string][] = [
  // Typographic apostrophe between letters: l’alliance, aujourd’hui.
  [/(?<=\p{L})'(?=\p{L})/gu, '’'],
  // A typed space before the high punctuation becomes non-breaking.
  [new RegExp(`[ \\t\\r\\n${NBSP}${NNBSP}]+([;?!])`, 'g'), `${NNBSP}$1`],
  [new RegExp(`[ \\t\\r\\n${NNBSP}]+:(?=\\s|$)`, 'g'), `${NBSP}:`],
  // Guillemets: one non-breaking space inside, added when missing.
  [new RegExp(`«${BREAKABLE}+`, 'g'), `«${NBSP}`],
  [/«(?=\S)/g, `«${NBSP}`],
  [new RegExp(`${BREAKABLE}+»`, 'g'), `${NBSP}»`],
  [/(?<=\S)»/g, `${NBSP}»`],
  // Thousands: 20 000, 1 500 000.
  [/(?<=(?:^|[^\d.,])\d{1,3}(?:[ \u00A0\u202F]\d{3})*)[ \u00A0](?=\d{3}(?!\d))/g, NNBSP],
  // A number and its unit: 20 000 €, 30 %, 90 min, 10 h 30.
  [/(?<=\d)[ \u202F](?=(?:€|%|M€|k€|h|min|km)(?![\p{L}\p{N}]))/gu, NBSP],
];

/** Typesets a plain text (a title, a summary, a term). */
export function typesetText(text: string): string {
  return RULES.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

/**
 * Typesets rendered HTML: only the text between tags, never inside
 * `<code>`/`<pre>`, never an attribute. Apostrophes escaped by the Markdown
 * renderer (`&#39;`) are handled like typed ones.
 */
export function typesetHtml(html: string): string {
  const parts = html.split(/(<[^>]*>)/);
  let verbatim = 0;
  return parts
    .map((part) => {
      if (part.startsWith('<')) {
        if (/^<(code|pre)[\s>]/i.test(part)) verbatim++;
        else if (/^<\/(code|pre)>/i.test(part)) verbatim = Math.max(0, verbatim - 1);
        return part;
      }
      if (verbatim > 0 || part === '') return part;
      return typesetText(part.replace(/&#39;/g, "'")).replace(/'/g, '&#39;');
    })
    .join('');
}
