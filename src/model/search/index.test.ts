import { describe, expect, it } from 'vitest';
import { resourceDocuments, type SearchDocument } from './documents.ts';
import { h2, p, resource } from './fixtures.ts';
import { SearchIndex, type SearchResult } from './index.ts';

function doc(id: string, title: string, text: string, extra: Partial<SearchDocument> = {}): SearchDocument {
  return { kind: 'note', id, source: `notes/${id}`, title, text, url: `/notes/${id}`, ...extra };
}

const CORPUS = [
  doc('ecosysteme', 'Connaître son écosystème', 'Repérer qui agit sur le territoire et ce que chacun attend.'),
  doc('sans-accents', 'Note de terrain', 'Notre ecosysteme local est riche, mais peu connu des elus.'),
  doc('coconstruction', 'La co-construction territoriale', 'Une démarche partagée entre acteurs différents.'),
  doc('coconstruction-sans-tiret', 'Atelier', 'Nous avons fait de la coconstruction avec la mairie.'),
  doc('acteurs', 'Les familles', 'Les acteurs économiques et les institutions locales.'),
  doc('tiers-lieu', 'Un lieu neutre', 'Se retrouver dans un tiers-lieu pour dialoguer.'),
  doc('mecenat', 'Le mécénat de compétences', 'Une entreprise met des salariés à disposition.'),
  doc('partenariat', 'Partenariat', 'Une relation entre organisations.'),
  doc('odd', 'Les ODD', 'Objectifs de développement durable.'),
];

const ids = (results: SearchResult[]) => results.map((r) => r.id);
const found = (index: SearchIndex, query: string) => ids(index.search(query).results);
const marked = (text: string, ranges: readonly (readonly [number, number])[]) =>
  ranges.map(([a, b]) => text.slice(a, b));

describe('SearchIndex.search', () => {
  const index = new SearchIndex(CORPUS);

  it('finds words with or without their accents, in any case', () => {
    expect(found(index, 'écosystème')).toEqual(expect.arrayContaining(['ecosysteme', 'sans-accents']));
    expect(found(index, 'ecosysteme')).toEqual(expect.arrayContaining(['ecosysteme', 'sans-accents']));
    expect(found(index, 'ÉCOSYSTÈME')).toHaveLength(2);
    expect(found(index, 'élus')).toEqual(['sans-accents']);
  });

  it('finds singular and plural, masculine and feminine forms', () => {
    expect(found(index, 'territoires')).toEqual(['ecosysteme']);
    expect(found(index, 'territorial')).toEqual(['coconstruction']);
    expect(found(index, 'territoriaux')).toEqual(['coconstruction']);
    expect(found(index, 'acteur économique')).toEqual(['acteurs']);
    expect(found(index, 'institution locale')).toEqual(['acteurs']);
  });

  it('forgives typos in longer words, not in short ones', () => {
    expect(found(index, 'ecosystme')).toEqual(expect.arrayContaining(['ecosysteme', 'sans-accents']));
    expect(found(index, 'parteneriat')).toEqual(['partenariat']);
    expect(found(index, 'mécénnat')).toEqual(['mecenat']);
    expect(found(index, 'acteru').sort()).toEqual(['acteurs', 'coconstruction']);
    expect(found(index, 'add')).toEqual([]);
    const short = new SearchIndex([doc('c', 'Suivi', 'Elle est chargée du suivi.')]);
    expect(found(short, 'charte')).toEqual([]);
    expect(found(short, 'chargee')).toEqual(['c']);
  });

  it('treats a hyphenated compound and its one-word spelling alike', () => {
    expect(found(index, 'coconstruction').sort()).toEqual(['coconstruction', 'coconstruction-sans-tiret']);
    expect(found(index, 'co-construction').sort()).toEqual(['coconstruction', 'coconstruction-sans-tiret']);
    expect(found(index, 'tiers lieu')).toEqual(['tiers-lieu']);
    expect(found(index, 'tierslieu')).toEqual(['tiers-lieu']);
  });

  it('matches the last word as a prefix while typing', () => {
    expect(found(index, 'méc')).toEqual(['mecenat']);
    expect(found(index, 'acteurs écono')).toEqual(['acteurs']);
    expect(found(index, 'méc ')).toEqual([]);
  });

  it('needs every word, unless no document has them all', () => {
    expect(found(index, 'entreprise salariés')).toEqual(['mecenat']);
    expect(found(index, 'entreprise organisations').sort()).toEqual(['mecenat', 'partenariat']);
  });

  it('returns nothing for a query of stop words or punctuation', () => {
    expect(index.search('le la les de').total).toBe(0);
    expect(index.search(' … ').results).toEqual([]);
  });

  it('ranks a title match above a body match', () => {
    const ranked = new SearchIndex([
      doc('body', 'Compte rendu', 'Nous parlons d’alliance, encore d’alliance, toujours d’alliance entre acteurs.'),
      doc('title', 'Faire alliance', 'Une démarche en trois rencontres pour passer à l’action ensemble.'),
      doc('none', 'Autre chose', 'Sans rapport.'),
    ]);
    expect(found(ranked, 'alliance')).toEqual(['title', 'body']);
    expect(found(ranked, 'alliances')).toEqual(['title', 'body']);
  });

  it('ranks an exact word above a typo or a prefix of a longer word', () => {
    const ranked = new SearchIndex([
      doc('prefix', 'Portage', 'Le portage de repas.'),
      doc('exact', 'Port', 'Le port de pêche.'),
    ]);
    expect(found(ranked, 'port')).toEqual(['exact', 'prefix']);
  });

  it('limits the results but counts them all, and filters by kind', () => {
    const many = new SearchIndex([
      ...Array.from({ length: 30 }, (_, i) => doc(`n${i}`, `Note ${i}`, 'Le territoire.')),
      doc('t', 'Territoire', 'Le territoire.', { kind: 'glossary' }),
    ]);
    const results = many.search('territoire', { limit: 5 });
    expect(results.total).toBe(31);
    expect(results.results).toHaveLength(5);
    expect(ids(many.search('territoire', { kinds: ['glossary'] }).results)).toEqual(['t']);
  });

  it('marks the matched words of the title', () => {
    const [result] = index.search('coconstruction territorial').results;
    expect(marked(result!.title, result!.titleHighlights)).toEqual(['co-construction', 'territoriale']);
  });
});

describe('snippets', () => {
  const filler = (n: number) => 'Les réunions se tiennent en soirée dans la salle communale. '.repeat(n);
  const text = `${filler(6)}Le catalyseur territorial réunit les Élus et l’Écosystème local. ${filler(6)}`;
  const index = new SearchIndex([doc('long', 'Compte rendu', text)]);

  it('quotes the passage around the match, with highlights on the original spelling', () => {
    const { snippet } = index.search('ecosysteme elu').results[0]!;
    expect(snippet.text.length).toBeLessThanOrEqual(175);
    expect(marked(snippet.text, snippet.highlights)).toEqual(['Élus', 'Écosystème']);
    expect(snippet.text).toBe(text.slice(snippet.start, snippet.start + snippet.text.length));
    expect(snippet.text.startsWith('Le catalyseur territorial')).toBe(true);
    expect(snippet.truncatedStart).toBe(true);
    expect(snippet.truncatedEnd).toBe(true);
  });

  it('gives highlight offsets that point into the snippet text', () => {
    const { snippet } = index.search('catalyseur').results[0]!;
    expect(snippet.highlights).toHaveLength(1);
    const [start, end] = snippet.highlights[0]!;
    expect(snippet.text.slice(start, end)).toBe('catalyseur');
    expect(text.slice(snippet.start + start, snippet.start + end)).toBe('catalyseur');
  });

  it('prefers the passage with the most different matched words', () => {
    const many = `Alliance ici. ${filler(4)}Une alliance entre acteurs du territoire. ${filler(4)}Alliance là.`;
    const { snippet } = new SearchIndex([doc('d', 'Titre', many)]).search('alliance territoire').results[0]!;
    expect(marked(snippet.text, snippet.highlights)).toEqual(['alliance', 'territoire']);
  });

  it('marks prefix and fuzzy matches, and one range for a compound', () => {
    const compound = new SearchIndex([doc('c', 'Titre', 'Un atelier de co-construction dans un tiers-lieu.')]);
    const typing = compound.search('atel').results[0]!.snippet;
    expect(marked(typing.text, typing.highlights)).toEqual(['atelier']);
    const typo = compound.search('ateleir').results[0]!.snippet;
    expect(marked(typo.text, typo.highlights)).toEqual(['atelier']);
    const part = compound.search('lieu').results[0]!.snippet;
    expect(marked(part.text, part.highlights)).toEqual(['lieu']);
    const whole = compound.search('coconstruction').results[0]!.snippet;
    expect(marked(whole.text, whole.highlights)).toEqual(['co-construction']);
  });

  it('marks a compound once, deep in a long text, whether its words matched alone or joined', () => {
    const long = `${filler(6)}Une démarche de co-construction. ${filler(6)}`;
    const compound = new SearchIndex([doc('c', 'Titre', long)]);
    for (const query of ['coconstruction', 'co-construction', 'construction']) {
      const { snippet } = compound.search(query).results[0]!;
      expect(snippet.start).toBeGreaterThan(0);
      expect(marked(snippet.text, snippet.highlights)).toEqual(['co-construction']);
    }
  });

  it('starts at the beginning of the text when only the title matched', () => {
    const { snippet } = new SearchIndex([doc('t', 'Alliance', `Début du texte. ${filler(10)}`)]).search('alliance')
      .results[0]!;
    expect(snippet.start).toBe(0);
    expect(snippet.highlights).toEqual([]);
    expect(snippet.text.startsWith('Début du texte.')).toBe(true);
    expect(snippet.truncatedStart).toBe(false);
    expect(snippet.truncatedEnd).toBe(true);
  });
});

describe('SearchIndex updates', () => {
  it('adds, replaces and removes documents', () => {
    const index = new SearchIndex();
    index.add(doc('a', 'Alliance', 'Texte.'));
    expect(found(index, 'alliance')).toEqual(['a']);
    index.add(doc('a', 'Stratégie', 'Texte.'));
    expect(found(index, 'alliance')).toEqual([]);
    expect(found(index, 'stratégie')).toEqual(['a']);
    expect(index.size).toBe(1);
    index.remove('note', 'a');
    index.remove('note', 'absent');
    expect(found(index, 'stratégie')).toEqual([]);
    expect(index.size).toBe(0);
  });

  it('keeps documents of different kinds with the same id apart', () => {
    const index = new SearchIndex([doc('x', 'Alliance', ''), doc('x', 'Alliance', '', { kind: 'glossary' })]);
    expect(index.search('alliance').total).toBe(2);
    index.remove('glossary', 'x');
    expect(index.search('alliance').results.map((r) => r.kind)).toEqual(['note']);
  });

  it('replaces everything a source gave: a kit whose section was removed loses it', () => {
    const index = new SearchIndex();
    const kit = resource({
      id: 'kit',
      type: 'kit',
      title: 'Kit',
      blocks: [h2('Étapes'), p('Cartographier.'), h2('Pour aller plus loin'), p('Lectures.')],
    });
    index.replaceSource('resources/kit', resourceDocuments(kit));
    expect(found(index, 'lectures')).toEqual(['kit#pour-aller-plus-loin']);
    const edited = { ...kit, blocks: kit.blocks.slice(0, 2) };
    index.replaceSource('resources/kit', resourceDocuments(edited));
    expect(found(index, 'lectures')).toEqual([]);
    expect(found(index, 'cartographier')).toEqual(['kit#etapes']);
    expect(index.size).toBe(2);
    index.removeSource('resources/kit');
    expect(index.size).toBe(0);
    expect(found(index, 'cartographier')).toEqual([]);
  });

  it('refuses a document from another source', () => {
    expect(() => new SearchIndex().replaceSource('notes/a', [doc('b', 'B', '')])).toThrow(/not from notes\/a/);
  });
});

describe('snippet invariants', () => {
  const sentences = [
    'L’alliance entre la commune et l’entreprise locale a tenu six ans.',
    'Les acteurs économiques du territoire se sont retrouvés au tiers-lieu.',
    'Une co-construction exemplaire : l’écosystème entier s’est mobilisé !',
    'Qu’est-ce qui a changé pour les élus ?',
    'Anticonstitutionnellement-parlant-très-long-mot-composé-sans-espace-qui-dépasse-la-fenêtre',
    'Réunions, ateliers, comités ; puis un bilan.',
  ];
  const text = Array.from({ length: 40 }, (_, n) => sentences[(n * 7) % sentences.length])
    .map((sentence, n) => (n % 3 === 0 ? `${sentence}\n` : sentence))
    .join(' ');
  const index = new SearchIndex([doc('t', 'Titre', text)]);
  const vocabulary = [...new Set(text.split(/[^\p{L}’'-]+/u).filter((w) => w.length > 2))];
  const queries = [
    ...vocabulary,
    ...vocabulary.map((w) => w.slice(0, 3)),
    ...vocabulary.map((w, n) => `${w} ${vocabulary[(n * 5) % vocabulary.length]}`),
  ];

  it.each(queries)('holds for « %s »', (query) => {
    const result = index.search(query).results[0];
    if (!result) return;
    const { snippet } = result;
    expect(snippet.text).toBe(text.slice(snippet.start, snippet.start + snippet.text.length));
    expect(snippet.text).toBe(snippet.text.trim());
    let previousEnd = -1;
    for (const [start, end] of snippet.highlights) {
      expect(start).toBeGreaterThan(previousEnd);
      expect(end).toBeGreaterThan(start);
      expect(end).toBeLessThanOrEqual(snippet.text.length);
      expect(snippet.text.slice(start, end)).toMatch(/^[\p{L}\p{N}]/u);
      previousEnd = end;
    }
    expect(snippet.highlights.length).toBeGreaterThan(0);
    expect(snippet.truncatedStart).toBe(snippet.start > 0);
    expect(snippet.truncatedEnd).toBe(snippet.start + snippet.text.length < text.length);
  });
});
