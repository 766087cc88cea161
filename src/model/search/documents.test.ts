import { describe, expect, it } from 'vitest';
import { glossaryDocuments, needDocuments, resourceDocuments, webinarDocuments } from './documents.ts';
import { glossaryTerm, h2, h3, need, p, resource, webinar } from './fixtures.ts';

describe('resourceDocuments', () => {
  const kit = resource({
    id: 'kit-faire-alliance',
    type: 'kit',
    title: 'Construire une alliance locale',
    summary: 'Réunir des partenaires.',
    blocks: [
      p('Texte avant la première section.'),
      h2('À quoi sert ce kit'),
      p('Passer du contrat d’échange au contrat d’alliance.'),
      h2('Étapes'),
      h3('Étape 1 — Choisir le sujet'),
      p('Formulez le besoin en une phrase.'),
      { id: 'r1', kind: 'rule', html: '<hr>', text: '' },
      h2('Pour aller plus loin'),
    ],
  });

  it('gives a kit one document, with its summary and introduction, then one per level-2 section', () => {
    const docs = resourceDocuments(kit);
    expect(docs.map((d) => [d.kind, d.id, d.url])).toEqual([
      ['resource', 'kit-faire-alliance', '/ressources/kit-faire-alliance'],
      ['kit-section', 'kit-faire-alliance#a-quoi-sert-ce-kit', '/ressources/kit-faire-alliance#a-quoi-sert-ce-kit'],
      ['kit-section', 'kit-faire-alliance#etapes', '/ressources/kit-faire-alliance#etapes'],
      ['kit-section', 'kit-faire-alliance#pour-aller-plus-loin', '/ressources/kit-faire-alliance#pour-aller-plus-loin'],
    ]);
    expect(docs[0]).toMatchObject({
      title: 'Construire une alliance locale',
      text: 'Réunir des partenaires.\nTexte avant la première section.',
      source: 'resources/kit-faire-alliance',
    });
  });

  it('puts each section’s blocks, sub-headings included, under its heading', () => {
    const [, first, steps, last] = resourceDocuments(kit);
    expect(first).toMatchObject({
      title: 'À quoi sert ce kit',
      text: 'Passer du contrat d’échange au contrat d’alliance.',
      context: 'Construire une alliance locale',
      source: 'resources/kit-faire-alliance',
    });
    expect(steps!.text).toBe('Étape 1 — Choisir le sujet\nFormulez le besoin en une phrase.');
    expect(last).toMatchObject({ title: 'Pour aller plus loin', text: '' });
  });

  it('keeps the whole text of any other resource in its one document', () => {
    const fiche = resource({
      id: 'fiche-mecenat',
      title: 'Le mécénat de compétences',
      summary: 'Ce qu’il apporte.',
      blocks: [h2('De quoi parle-t-on'), p('Une entreprise met des salariés à disposition.')],
    });
    expect(resourceDocuments(fiche)).toEqual([
      {
        kind: 'resource',
        id: 'fiche-mecenat',
        source: 'resources/fiche-mecenat',
        title: 'Le mécénat de compétences',
        text: 'Ce qu’il apporte.\nDe quoi parle-t-on\nUne entreprise met des salariés à disposition.',
        url: '/ressources/fiche-mecenat',
      },
    ]);
  });
});

describe('other library documents', () => {
  it('links a need to its page', () => {
    const [doc] = needDocuments(need({ id: 'faire-alliance', title: 'Faire alliance', blocks: [p('Corps.')] }));
    expect(doc).toMatchObject({
      kind: 'need',
      url: '/besoins/faire-alliance',
      text: 'Résumé.\nCorps.',
      source: 'needs/faire-alliance',
    });
  });

  it('links a webinar to its place in the list', () => {
    const [doc] = webinarDocuments(webinar({ id: 'webinaire-2019-01-17', title: 'Lancement' }));
    expect(doc).toMatchObject({ kind: 'webinar', url: '/webinaires#webinaire-2019-01-17', text: 'Résumé.' });
  });

  it('links a glossary term to its definition and keeps its aliases as keywords', () => {
    const [doc] = glossaryDocuments(
      glossaryTerm({
        id: 'co-construction-territoriale',
        term: 'Co-construction territoriale',
        aliases: ['coconstruction'],
        blocks: [p('Démarche.')],
      }),
    );
    expect(doc).toMatchObject({
      kind: 'glossary',
      title: 'Co-construction territoriale',
      url: '/glossaire#co-construction-territoriale',
      keywords: ['coconstruction'],
      text: 'Démarche.',
      source: 'glossary/co-construction-territoriale',
    });
  });
});
