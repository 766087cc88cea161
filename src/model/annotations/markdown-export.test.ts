import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { annotations, highlight, kit } from './fixtures.ts';
import { toMarkdown } from './markdown-export.ts';

describe('toMarkdown', () => {
  it('groups by text and section, with quote, note, colour and date in French', () => {
    expect(toMarkdown(annotations, [kit], { timeZone: 'Europe/Paris' })).toBe(
      [
        '# Mes annotations',
        '## Co-construire avec les habitants',
        '### Pourquoi co-construire',
        '> les élus et les associations',
        '*jaune · 25 novembre 2026*',
        '### Organiser l’atelier',
        'Demander la salle polyvalente.',
        '*bleu · 1 décembre 2026*',
        '> trois tables thématiques',
        'À tester au printemps.',
        '*vert · 25 novembre 2026*',
        '### Annotations détachées',
        '> un texte retiré',
        'Paragraphe disparu.',
        '*rose · 25 novembre 2026*',
        '## Texte introuvable (kit-retire)',
        '### Annotations détachées',
        '> la mairie',
        'Sur un texte retiré.',
        '*jaune · 25 novembre 2026*',
      ].join('\n\n') + '\n',
    );
  });

  it('says so when there is nothing to export', () => {
    expect(toMarkdown([], [kit])).toBe('# Mes annotations\n\nAucune annotation pour l’instant.\n');
  });

  it('keeps a note from injecting structure', () => {
    const note = [
      '# Faux titre',
      '> fausse citation',
      '- liste',
      '* puce',
      '1. numéro',
      '`code` et **gras** et [lien](https://exemple.fr)',
      '<script>alert(1)</script> <b>gras</b>',
      '    indenté',
      'Texte',
      '===',
      '| a | b |',
      '| - | - |',
    ].join('\n');
    const markdown = toMarkdown([highlight('x', 'trois tables', { note })], [kit]);
    const html = marked.parse(markdown, { async: false, gfm: true });
    expect(html.match(/<h[1-6]>/g)).toEqual(['<h1>', '<h2>', '<h3>']);
    expect(html).not.toMatch(/<(script|b|strong|code|pre|ul|ol|li|table|hr)\b/);
    // A bare address may become a link (GFM autolink), but the note's own link syntax stays text.
    expect(html).toContain('[lien](<a href="https://exemple.fr">https://exemple.fr</a>)');
    expect(html.match(/<blockquote>/g)).toHaveLength(1);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('# Faux titre<br>&gt; fausse citation<br>- liste<br>* puce<br>1. numéro<br>');
  });

  it('escapes a quote and a title too', () => {
    const markdown = toMarkdown([highlight('x', 'trois tables', { note: 'ok' })], [{ ...kit, title: '## <i>Kit</i>' }]);
    const html = marked.parse(markdown, { async: false, gfm: true });
    expect(html).toContain('<h2>## &lt;i&gt;Kit&lt;/i&gt;</h2>');
  });

  it('takes a title of its own, escaped', () => {
    expect(toMarkdown([], [], { title: 'Notes du groupe « #Conseil »' })).toMatch(
      /^# Notes du groupe « \\#Conseil »\n/,
    );
  });
});
