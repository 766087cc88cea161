import { describe, expect, it } from 'vitest';
import { markdownToBlocks } from '../../sync-server/src/library/markdown.ts';
import {
  anchor,
  anchorAll,
  describeSelection,
  findPassage,
  maxQuoteErrors,
  sectionIdOf,
  type AnchorBlock,
  type AnnotationTarget,
} from './anchoring.ts';

const KIT = `Ce kit accompagne les équipes qui veulent associer les habitants à un projet de territoire.

## Pourquoi co-construire

La co-construction associe dès le départ les habitants, les élus et les associations à la définition du projet de territoire.

Elle demande du temps : il faut réunir les acteurs, écouter les besoins et accepter que le projet change en cours de route.

## Organiser l'atelier

Invitez largement : la mairie, le centre social, les commerçants et les associations de quartier. Si la mairie n'a pas de salle, le centre social peut accueillir l'atelier dans ses locaux.

Prévoyez un temps d’accueil convivial, puis trois tables thématiques animées chacune par un binôme d’animateurs.

## Après l'atelier

Envoyez un compte rendu à tous les participants dans la semaine, avec les décisions prises et les prochaines étapes.
`;

const blocksOf = (markdown: string): AnchorBlock[] => markdownToBlocks(markdown).map(({ id, text }) => ({ id, text }));

/** The block whose text contains `needle`. */
function blockWith(blocks: AnchorBlock[], needle: string): AnchorBlock {
  const block = blocks.find((b) => b.text.includes(needle));
  if (!block) throw new Error(`no block contains ${needle}`);
  return block;
}

/** Selects the n-th (0-based) occurrence of `quote` in the block that contains it. */
function select(blocks: AnchorBlock[], quote: string, occurrence = 0): AnnotationTarget {
  const block = blockWith(blocks, quote);
  let start = block.text.indexOf(quote);
  for (let n = 0; n < occurrence; n++) start = block.text.indexOf(quote, start + 1);
  return describeSelection(block.id, block.text, start, start + quote.length);
}

/** The block list with one block's text replaced, its id kept. */
function withText(blocks: AnchorBlock[], id: string, text: string): AnchorBlock[] {
  return blocks.map((b) => (b.id === id ? { id, text } : b));
}

const placedText = (blocks: AnchorBlock[], placement: { blockId: string; start: number; end: number }) =>
  blocks.find((b) => b.id === placement.blockId)!.text.slice(placement.start, placement.end);

describe('describeSelection', () => {
  it('keeps the quote, 32 characters of context on each side and the offsets', () => {
    const text = 'La co-construction associe dès le départ les habitants, les élus et les associations.';
    const start = text.indexOf('les habitants');
    const target = describeSelection('pourquoi-co-construire-0a1b2c3d', text, start, start + 'les habitants'.length);
    expect(target).toEqual({
      blockId: 'pourquoi-co-construire-0a1b2c3d',
      quote: {
        exact: 'les habitants',
        prefix: 'struction associe dès le départ ',
        suffix: ', les élus et les associations.',
      },
      position: { start, end: start + 13 },
    });
    expect(target.quote!.prefix).toHaveLength(32);
  });

  it('keeps shorter context at the edges of the block, and trims nothing', () => {
    const text = ' Invitez largement ';
    const target = describeSelection('b', text, 0, text.length);
    expect(target.quote).toEqual({ exact: ' Invitez largement ', prefix: '', suffix: '' });
  });

  it('refuses an empty, blank or out-of-range selection', () => {
    expect(() => describeSelection('b', 'Un texte.', 3, 3)).toThrow(/vide/);
    expect(() => describeSelection('b', 'Un   texte.', 2, 5)).toThrow(/vide/);
    expect(() => describeSelection('b', 'Un texte.', 5, 2)).toThrow(/hors du texte/);
    expect(() => describeSelection('b', 'Un texte.', 0, 50)).toThrow(/hors du texte/);
  });
});

describe('anchor', () => {
  const blocks = blocksOf(KIT);

  it('finds an unchanged text at its stored position', () => {
    const target = select(blocks, 'écouter les besoins');
    expect(anchor(target, blocks)).toEqual({
      blockId: target.blockId,
      start: target.position!.start,
      end: target.position!.end,
      method: 'position',
    });
  });

  it('finds the quote exactly after an insertion before it', () => {
    const target = select(blocks, 'écouter les besoins');
    const old = blockWith(blocks, 'écouter les besoins');
    const edited = withText(blocks, old.id, old.text.replace('Elle demande', 'Soyons clairs : elle demande'));
    const placement = anchor(target, edited)!;
    expect(placement.method).toBe('exact');
    expect(placement.start).toBe(target.position!.start + 'Soyons clairs : e'.length - 1);
    expect(placedText(edited, placement)).toBe('écouter les besoins');
  });

  it('finds the quote approximately after an insertion inside it', () => {
    const quote = 'il faut réunir les acteurs, écouter les besoins';
    const target = select(blocks, quote);
    const old = blockWith(blocks, quote);
    const edited = withText(blocks, old.id, old.text.replace('écouter les besoins', 'écouter tous les besoins'));
    const placement = anchor(target, edited)!;
    expect(placement.method).toBe('fuzzy');
    expect(placedText(edited, placement)).toBe('il faut réunir les acteurs, écouter tous les besoins');
  });

  it('keeps the position after an insertion after the quote', () => {
    const target = select(blocks, 'il faut réunir les acteurs');
    const old = blockWith(blocks, 'il faut réunir les acteurs');
    const edited = withText(blocks, old.id, old.text.replace('les acteurs,', 'les acteurs du territoire,'));
    const placement = anchor(target, edited)!;
    expect(placement).toMatchObject({ start: target.position!.start, end: target.position!.end, method: 'position' });
    expect(placedText(edited, placement)).toBe('il faut réunir les acteurs');
  });

  it('uses the context to pick the right one of several occurrences', () => {
    // "le centre social" appears twice; the reader highlighted the second.
    const target = select(blocks, 'le centre social', 1);
    const old = blockWith(blocks, 'le centre social');
    const first = old.text.indexOf('le centre social');
    const shift = target.position!.start - first;
    // An insertion before both moves the FIRST occurrence exactly onto the
    // stored position: the position alone would pick the wrong one.
    const insert = 'x'.repeat(shift - 1) + ' ';
    const edited = withText(blocks, old.id, insert + old.text);
    expect(edited.find((b) => b.id === old.id)!.text.slice(target.position!.start, target.position!.end)).toBe(
      'le centre social',
    );
    const placement = anchor(target, edited)!;
    expect(placement.method).toBe('exact');
    expect(placement.start).toBe(target.position!.start + insert.length);
    const text = edited.find((b) => b.id === old.id)!.text;
    expect(text.slice(placement.end)).toMatch(/^ peut accueillir/);
  });

  it('follows a paragraph edited in the kit, whose id changed, within its section', () => {
    const target = select(blocks, 'trois tables thématiques');
    const editedKit = blocksOf(
      KIT.replace('Prévoyez un temps', 'Pour lancer la soirée, prévoyez un temps').replace(
        'binôme',
        'binôme habitant-élu',
      ),
    );
    expect(editedKit.some((b) => b.id === target.blockId)).toBe(false);
    const placement = anchor(target, editedKit)!;
    expect(placement.method).toBe('exact');
    expect(sectionIdOf(placement.blockId)).toBe(sectionIdOf(target.blockId));
    expect(placement.blockId).not.toBe(target.blockId);
    expect(placedText(editedKit, placement)).toBe('trois tables thématiques');
  });

  it('follows a quote reworded a little in an edited paragraph', () => {
    const target = select(blocks, 'associe dès le départ les habitants, les élus et les associations');
    const editedKit = blocksOf(KIT.replace('les élus et les associations', 'les élus et toutes les associations'));
    const placement = anchor(target, editedKit)!;
    expect(placement.method).toBe('fuzzy');
    expect(placedText(editedKit, placement)).toBe(
      'associe dès le départ les habitants, les élus et toutes les associations',
    );
  });

  it('detaches annotations of a deleted section', () => {
    const target = select(blocks, 'compte rendu à tous les participants');
    const heading = blocks.find((b) => b.text === 'Après l’atelier' || b.text === "Après l'atelier")!;
    const sectionNote: AnnotationTarget = { blockId: heading.id };
    const withoutSection = blocksOf(KIT.slice(0, KIT.indexOf("## Après l'atelier")));
    expect(anchor(target, withoutSection)).toBeNull();
    expect(anchor(sectionNote, withoutSection)).toBeNull();
  });

  it('does not move a short quote to an unrelated paragraph when its own is deleted', () => {
    // "la mairie" also appears in the first paragraph, with another context.
    const target = select(blocks, 'la mairie', 1);
    const old = blockWith(blocks, 'Si la mairie');
    expect(
      anchor(
        target,
        blocks.filter((b) => b.id !== old.id),
      ),
    ).toBeNull();
  });

  it('detaches a quote changed beyond the bound', () => {
    const quote = 'trois tables thématiques animées chacune par un binôme';
    const target = select(blocks, quote);
    expect(maxQuoteErrors(quote.length)).toBe(10);
    const old = blockWith(blocks, quote);
    const rewritten =
      'Prévoyez un temps d’accueil convivial, puis deux ateliers en petits groupes menés par une seule personne.';
    expect(anchor(target, withText(blocks, old.id, rewritten))).toBeNull();
    // The kit's source line, not the typeset block text (the importer adds no-break spaces).
    const sourceLine = KIT.split('\n').find((line) => line.includes(quote))!;
    expect(anchor(target, blocksOf(KIT.replace(sourceLine, rewritten)))).toBeNull();
  });

  it('anchors a section note iff its heading still exists', () => {
    const heading = blocks.find((b) => b.id === 'organiser-l-atelier')!;
    expect(anchor({ blockId: heading.id }, blocks)).toEqual({
      blockId: 'organiser-l-atelier',
      start: 0,
      end: 0,
      method: 'position',
    });
    expect(anchor({ blockId: 'section-supprimee' }, blocks)).toBeNull();
  });

  it('finds a quote without a stored position', () => {
    const target = select(blocks, 'écouter les besoins');
    const placement = anchor({ blockId: target.blockId, quote: target.quote }, blocks)!;
    expect(placement.method).toBe('exact');
    expect(placement.start).toBe(target.position!.start);
  });
});

describe('sectionIdOf', () => {
  it('strips the paragraph hash, and its uniqueness suffix', () => {
    expect(sectionIdOf('organiser-l-atelier-3f2a9c01')).toBe('organiser-l-atelier');
    expect(sectionIdOf('organiser-l-atelier-3f2a9c01-2')).toBe('organiser-l-atelier');
    expect(sectionIdOf('intro-deadbeef')).toBe('intro');
    expect(sectionIdOf('organiser-l-atelier')).toBe('organiser-l-atelier');
    expect(sectionIdOf('etape-2')).toBe('etape-2');
  });
});

describe('anchorAll', () => {
  // A kit of ~3,500 words in 150 blocks (25 sections of a heading and 5 paragraphs).
  const phrases = [
    'Les habitants participent aux ateliers de diagnostic partagé',
    'la collectivité met à disposition une salle et un animateur',
    'les associations relaient l’invitation dans leurs réseaux',
    'chaque table rédige trois propositions concrètes pour le quartier',
    'le comité de suivi se réunit tous les trois mois en mairie',
    'les élus s’engagent à répondre publiquement à chaque proposition',
    'un temps de restitution ouvert à tous clôt la démarche',
    'les jeunes du conseil municipal présentent leur carte sensible du territoire',
  ];
  const markdown = Array.from({ length: 25 }, (_, s) => {
    const paragraphs = Array.from(
      { length: 5 },
      (_, p) =>
        Array.from({ length: 3 }, (_, k) => phrases[(s * 7 + p * 3 + k) % phrases.length]).join(', ') +
        ` (étape ${s + 1}.${p + 1}).`,
    );
    return [`## Étape ${s + 1} de la co-construction`, ...paragraphs].join('\n\n');
  }).join('\n\n');
  const kit = blocksOf(markdown);

  // Deterministic pseudo-random selections of whole words.
  let seed = 42;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const paragraphs = kit.filter((b) => !/^Étape/.test(b.text));
  const annotations = Array.from({ length: 300 }, (_, n) => {
    const block = paragraphs[random(paragraphs.length)]!;
    const words = [...block.text.matchAll(/\S+/g)];
    const first = random(words.length - 3);
    const last = first + random(3);
    const start = words[first]!.index;
    const end = words[last]!.index + words[last]![0].length;
    return { id: `a${n}`, target: describeSelection(block.id, block.text, start, end) };
  });

  it('places 300 annotations on an unchanged kit of 150 blocks at their positions', () => {
    expect(kit).toHaveLength(150);
    expect(kit.reduce((words, b) => words + b.text.split(/\s+/).length, 0)).toBeGreaterThan(3000);
    const { placed, detached } = anchorAll(annotations, kit);
    expect(detached).toEqual([]);
    for (const { id, target } of annotations) {
      expect(placed.get(id)).toEqual({ blockId: target.blockId, ...target.position, method: 'position' });
    }
  });

  it('relocates the annotations of an edited paragraph and leaves the others in place', () => {
    const edited = paragraphs[10]!;
    const editedKit = blocksOf(markdown.replace(edited.text, `Nouveau : ${edited.text}`));
    const { placed, detached } = anchorAll(annotations, editedKit);
    expect(detached).toEqual([]);
    for (const { id, target } of annotations) {
      const placement = placed.get(id)!;
      expect(placedText(editedKit, placement)).toBe(target.quote!.exact);
      if (target.blockId === edited.id) {
        expect(placement.blockId).not.toBe(edited.id);
        expect(placement.method).toBe('exact');
      } else {
        expect(placement.method).toBe('position');
      }
    }
  });
});

describe('finding a passage typed on the keyboard', () => {
  const blocks = [
    { id: 'cap-1a2b3c4d', text: 'Le deuxième atelier relève de l’art de la stratégie : se projeter et fixer un cap.' },
    { id: 'cap-5e6f7a8b', text: 'Chaque sous-groupe rédige le titre et trois phrases de cet article imaginaire.' },
  ];

  it('finds it exactly, then ignoring case and spaces, then with a few typos', () => {
    const cap = blocks[0]!.text.indexOf('fixer un cap');
    expect(findPassage('fixer un cap', blocks)).toEqual({ blockId: 'cap-1a2b3c4d', start: cap, end: cap + 12 });
    const phrases = blocks[1]!.text.indexOf('trois phrases');
    expect(findPassage('  trois   PHRASES ', blocks)).toEqual({
      blockId: 'cap-5e6f7a8b',
      start: phrases,
      end: phrases + 13,
    });
    const typo = findPassage('rédige le titre et trois frases de cet article', blocks);
    expect(typo?.blockId).toBe('cap-5e6f7a8b');
  });

  it('says when it is not there', () => {
    expect(findPassage('budget participatif', blocks)).toBeNull();
    expect(findPassage('   ', blocks)).toBeNull();
  });
});
