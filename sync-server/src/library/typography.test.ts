import { describe, expect, it } from 'vitest';
import { markdownToBlocks } from './markdown.ts';
import { NBSP, NNBSP, typesetHtml, typesetText } from './typography.ts';

/** Shows the invisible spaces: ~ non-breaking, ^ narrow non-breaking. */
const show = (text: string) => text.replaceAll(NBSP, '~').replaceAll(NNBSP, '^');

describe('typesetText', () => {
  it('puts a narrow non-breaking space before ; ? ! and a non-breaking one before :', () => {
    expect(show(typesetText('Pourquoi ? Parce que ; enfin ! Voici : la suite'))).toBe(
      'Pourquoi^? Parce que^; enfin^! Voici~: la suite',
    );
  });

  it('joins a punctuation mark that the source had put on the next line', () => {
    expect(show(typesetText('Que faire\n? Et\n: ceci'))).toBe('Que faire^? Et~: ceci');
  });

  it('puts exactly one non-breaking space inside guillemets, adding it when missing', () => {
    expect(show(typesetText('le « contrat d’alliance » et «tiers-lieu»'))).toBe(
      'le «~contrat d’alliance~» et «~tiers-lieu~»',
    );
    expect(show(typesetText('«\nun mot\n»'))).toBe('«~un mot~»');
  });

  it('keeps numbers whole: thousands and units', () => {
    expect(show(typesetText('20 000 € pour 1 500 000 habitants, 30 %, 90 min, de 10 h 30 à 12 h'))).toBe(
      '20^000~€ pour 1^500^000 habitants, 30~%, 90~min, de 10~h 30 à 12~h',
    );
    // A year then a count is not one number; a unit must be a whole word.
    expect(show(typesetText('en 2019 500 élus, 3 hameaux'))).toBe('en 2019 500 élus, 3 hameaux');
  });

  it('turns apostrophes between letters into typographic ones, and only those', () => {
    expect(typesetText("l'alliance d'aujourd'hui, 'cité'")).toBe("l’alliance d’aujourd’hui, 'cité'");
  });

  it('leaves URLs, times and ratios that have no space alone', () => {
    const text = 'Voir http://exemple.fr/a?b=1;c=2 à 10:30, ratio 1:2, et « ok » !';
    expect(show(typesetText(text))).toBe('Voir http://exemple.fr/a?b=1;c=2 à 10:30, ratio 1:2, et «~ok~»^!');
  });

  it('is idempotent', () => {
    const once = typesetText("Qu'est-ce que « l'ODD 17 » ? 20 000 € : voilà !");
    expect(typesetText(once)).toBe(once);
  });
});

describe('typesetHtml', () => {
  it('typesets text across inline tags, never inside code nor attributes', () => {
    const html =
      '<p>Le <strong>contrat</strong> : <a href="http://x.fr/?a=1 ?">lien ?</a> <code>a ; b ? c</code> l&#39;idée</p>';
    expect(show(typesetHtml(html))).toBe(
      '<p>Le <strong>contrat</strong>~: <a href="http://x.fr/?a=1 ?">lien^?</a> <code>a ; b ? c</code> l’idée</p>',
    );
  });

  it('leaves escaped markup and straight quotes that are not apostrophes escaped', () => {
    expect(typesetHtml('<p>R&amp;D &#39;citée&#39; &lt;b&gt;</p>')).toBe('<p>R&amp;D &#39;citée&#39; &lt;b&gt;</p>');
  });
});

describe('the importer applies it', () => {
  it('to the blocks, keeping code blocks verbatim and ids as typed', () => {
    const source = "## Qu'est-ce ?\n\nUn « mot » : oui !\n\n```\na ; b ?\n```\n";
    const blocks = markdownToBlocks(source);
    expect(blocks[0]!.id).toBe('qu-est-ce');
    expect(show(blocks[0]!.text)).toBe('Qu’est-ce^?');
    expect(show(blocks[1]!.text)).toBe('Un «~mot~»~: oui^!');
    expect(blocks[2]!.text).toBe('a ; b ?');
    const plain = markdownToBlocks("## Qu'est-ce ?\n\nUn « mot » : oui !\n");
    expect(plain[1]!.id).toBe(blocks[1]!.id);
  });

  it('to Markdown syntax only where it is text: links, emphasis, lists and tables', () => {
    const [list, table] = markdownToBlocks(
      '- [Lire la fiche](/ressources/x?y=1) : *vraiment* !\n\n| Quoi ? | Combien |\n|---|---|\n| Budget | 1 500 € |\n',
    );
    expect(show(list!.html)).toContain('<a href="/ressources/x?y=1">Lire la fiche</a>~: <em>vraiment</em>^!');
    expect(show(table!.text)).toContain('Quoi^?');
    expect(show(table!.text)).toContain('1^500~€');
  });
});
