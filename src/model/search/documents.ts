import type { Block, GlossaryTerm, Need, Resource, Webinar } from '../library.ts';

/** What the library gives to search; later collections (annotations, initiatives) add their own kinds. */
export type LibrarySearchKind = 'resource' | 'kit-section' | 'glossary' | 'webinar' | 'need';
export type SearchKind = LibrarySearchKind | (string & {});

/**
 * One searchable unit, whatever it comes from: any collection can produce
 * these and hand them to the index. A stored document may give several
 * (a kit gives one per section); they share its `source` so that they are
 * replaced together when it changes.
 */
export interface SearchDocument {
  kind: SearchKind;
  /** Unique within its kind. */
  id: string;
  /** The stored document it was built from: `${collection}/${id}`. */
  source: string;
  title: string;
  /** Plain text, searched and quoted in snippets. */
  text: string;
  /** Where the result leads, in the app's routes. */
  url: string;
  /** Other names (glossary aliases): matched nearly like the title, never shown. */
  keywords?: string[];
  /** Where it sits, for display: the kit's title for a kit section. */
  context?: string;
}

export const sourceOf = (collection: string, id: string) => `${collection}/${id}`;

/** The text of some blocks, one block a line (rules carry none). */
export function blocksText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => b.text.trim())
    .filter(Boolean)
    .join('\n');
}

const joinText = (...parts: string[]) => parts.filter(Boolean).join('\n');

const isSectionHeading = (b: Block) => b.kind === 'heading' && b.level === 2;

/**
 * A resource gives one document (title and summary). A kit also gives one
 * per section, a level-2 heading with the blocks under it, so that a search
 * lands on the step it matched; its text before the first section stays with
 * the resource. Any other resource keeps its whole text in its one document.
 */
export function resourceDocuments(resource: Resource): SearchDocument[] {
  const source = sourceOf('resources', resource.id);
  const base = { source, title: resource.title };
  if (resource.type !== 'kit') {
    return [
      {
        ...base,
        kind: 'resource',
        id: resource.id,
        text: joinText(resource.summary, blocksText(resource.blocks)),
        url: `/ressources/${resource.id}`,
      },
    ];
  }
  const firstSection = resource.blocks.findIndex(isSectionHeading);
  const intro = firstSection < 0 ? resource.blocks : resource.blocks.slice(0, firstSection);
  const documents: SearchDocument[] = [
    {
      ...base,
      kind: 'resource',
      id: resource.id,
      text: joinText(resource.summary, blocksText(intro)),
      url: `/ressources/${resource.id}`,
    },
  ];
  if (firstSection < 0) return documents;
  let heading = resource.blocks[firstSection]!;
  let body: Block[] = [];
  const flush = () =>
    documents.push({
      kind: 'kit-section',
      id: `${resource.id}#${heading.id}`,
      source,
      title: heading.text,
      text: blocksText(body),
      url: `/ressources/${resource.id}#${heading.id}`,
      context: resource.title,
    });
  for (const block of resource.blocks.slice(firstSection + 1)) {
    if (isSectionHeading(block)) {
      flush();
      heading = block;
      body = [];
    } else {
      body.push(block);
    }
  }
  flush();
  return documents;
}

export function needDocuments(need: Need): SearchDocument[] {
  return [
    {
      kind: 'need',
      id: need.id,
      source: sourceOf('needs', need.id),
      title: need.title,
      text: joinText(need.summary, blocksText(need.blocks)),
      url: `/besoins/${need.id}`,
    },
  ];
}

export function webinarDocuments(webinar: Webinar): SearchDocument[] {
  return [
    {
      kind: 'webinar',
      id: webinar.id,
      source: sourceOf('webinars', webinar.id),
      title: webinar.title,
      text: joinText(webinar.summary, blocksText(webinar.blocks)),
      url: `/webinaires#${webinar.id}`,
    },
  ];
}

export function glossaryDocuments(term: GlossaryTerm): SearchDocument[] {
  return [
    {
      kind: 'glossary',
      id: term.id,
      source: sourceOf('glossary', term.id),
      title: term.term,
      text: blocksText(term.blocks),
      url: `/glossaire#${term.id}`,
      keywords: term.aliases,
    },
  ];
}

export interface LibraryDocuments {
  needs: Need;
  resources: Resource;
  webinars: Webinar;
  glossary: GlossaryTerm;
}

/** How each library collection turns into search documents, by collection name. */
export const LIBRARY_SEARCH_SOURCES: { [C in keyof LibraryDocuments]: (doc: LibraryDocuments[C]) => SearchDocument[] } =
  {
    needs: needDocuments,
    resources: resourceDocuments,
    webinars: webinarDocuments,
    glossary: glossaryDocuments,
  };
