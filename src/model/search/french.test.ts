import { describe, expect, it } from 'vitest';
import { analyzeFrench, analyzeQuery, normalizeFrench, stemFrench, tokenizeFrench } from './french.ts';

const stem = (word: string) => stemFrench(normalizeFrench(word));

describe('normalizeFrench', () => {
  it('lowercases and strips diacritics', () => {
    expect(normalizeFrench('Économie, Intérêt Général, ÇA, naïf, où')).toBe('economie, interet general, ca, naif, ou');
  });

  it('spells out ligatures', () => {
    expect(normalizeFrench('Œuvre, cœur, ex æquo')).toBe('oeuvre, coeur, ex aequo');
  });

  it('drops elisions, with straight and curly apostrophes', () => {
    expect(normalizeFrench("l'alliance d'acteurs qu'on j'ai n'est s'approprier c'est")).toBe(
      'alliance acteurs on ai est approprier est',
    );
    expect(normalizeFrench('L’État jusqu’au bout')).toBe('etat au bout');
  });

  it('keeps an apostrophe that is not an elision as part of the word', () => {
    expect(normalizeFrench("aujourd'hui")).toBe('aujourdhui');
  });

  it('joins hyphenated compounds', () => {
    expect(normalizeFrench('co-construction')).toBe('coconstruction');
    expect(normalizeFrench('Tiers-Lieu')).toBe('tierslieu');
    expect(normalizeFrench('socio‑économique')).toBe('socioeconomique'); // non-breaking hyphen
  });

  it('keeps dashes between words as separators', () => {
    expect(normalizeFrench('Étape 1 — Choisir - vite')).toBe('etape 1 — choisir - vite');
  });
});

describe('tokenizeFrench', () => {
  it('gives folded terms with offsets into the original text', () => {
    const text = "L’État et l'Économie, en co-construction !";
    const tokens = tokenizeFrench(text);
    expect(tokens.map((t) => t.term)).toEqual(['etat', 'et', 'economie', 'en', 'coconstruction']);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['État', 'et', 'Économie', 'en', 'co-construction']);
  });

  it('agrees with normalizeFrench on a single word', () => {
    for (const word of ["L'Œuvre", 'co-construction', "aujourd'hui", 'Intérêt', "qu'Écosystème"]) {
      expect(tokenizeFrench(word).map((t) => t.term)).toEqual([normalizeFrench(word)]);
    }
  });

  it('also gives the words of a compound, with their own offsets, when asked', () => {
    const text = 'un tiers-lieu et la co-construction';
    const parts = tokenizeFrench(text, { parts: true }).filter((t) => t.part);
    expect(parts.map((t) => [t.term, text.slice(t.start, t.end)])).toEqual([
      ['tiers', 'tiers'],
      ['lieu', 'lieu'],
      ['construction', 'construction'],
    ]);
  });

  it('handles text with decomposed accents', () => {
    const text = 'e\u0301cosyste\u0300me';
    expect(tokenizeFrench(text)).toEqual([{ term: 'ecosysteme', start: 0, end: text.length }]);
  });
});

describe('stemFrench', () => {
  it.each([
    ['territoires', 'territoire'],
    ['territoriaux', 'territorial'],
    ['territoriale', 'territorial'],
    ['territoriales', 'territorial'],
    ['alliances', 'alliance'],
    ['acteurs', 'acteur'],
    ['économiques', 'économique'],
    ['sociaux', 'social'],
    ['locales', 'local'],
    ['réseaux', 'réseau'],
    ['enjeux', 'enjeu'],
    ['engagées', 'engagé'],
    ['engagée', 'engager'],
    ['personnelle', 'personnel'],
    ['collectives', 'collectif'],
    ['animatrice', 'animateur'],
    ['chercheuses', 'chercheurs'],
    ['nombreuses', 'nombreux'],
    ['premières', 'premier'],
    ['sociétés', 'société'],
    ['travaux', 'travail'],
  ])('%s and %s share a stem', (a, b) => {
    expect(stem(a)).toBe(stem(b));
  });

  it.each([
    ['territoire', 'territorial'],
    ['acteur', 'action'],
    ['engagement', 'engager'],
    ['social', 'société'],
    ['politique', 'police'],
    ['public', 'publique'],
    ['partenaire', 'partenariat'],
    ['acteur', 'acte'],
    ['fondation', 'fondateur'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(stem(a)).not.toBe(stem(b));
  });

  it('leaves short words and numbers alone', () => {
    expect(stemFrench('lieu')).toBe('lieu');
    expect(stemFrench('odd')).toBe('odd');
    expect(stemFrench('2019')).toBe('2019');
    expect(stemFrench('odd17s')).toBe('odd17s');
  });
});

describe('analyzeFrench', () => {
  it('drops stop words and stems the rest', () => {
    expect(analyzeFrench("Les acteurs économiques de l'écosystème et leurs alliances")).toEqual([
      stem('acteur'),
      stem('économique'),
      stem('écosystème'),
      stem('alliance'),
    ]);
  });

  it('indexes a compound joined and by its words', () => {
    expect(analyzeFrench('co-construction')).toEqual(['coconstruction', 'construction']);
  });
});

describe('analyzeQuery', () => {
  it('drops stop words, and does not split compounds', () => {
    expect(analyzeQuery('la co-construction des territoires')).toEqual(['coconstruction', stem('territoires')]);
  });

  it('keeps a lone stop word being typed, as the start of a longer word', () => {
    expect(analyzeQuery('entre')).toEqual(['entre']);
    expect(analyzeQuery('entre les')).toEqual([]);
    expect(analyzeQuery('de')).toEqual([]);
  });
});
