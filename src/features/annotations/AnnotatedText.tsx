import { useCallback, useMemo, useState, type ReactNode, type RefObject } from 'react';
import type { Annotation } from '../../model/annotations.ts';
import type { Block } from '../../model/library.ts';
import { Highlights } from './Highlights.tsx';
import { SectionNotes } from './SectionNotes.tsx';
import { SelectionToolbar } from './SelectionToolbar.tsx';
import { useKitAnnotations } from './useKitAnnotations.ts';
import './annotations.css';

/** What the reader (features/library) gives the annotations of the text it shows. */
export interface AnnotatedTextProps {
  resource: { id: string; contentHash: string; blocks: Block[] };
  /** The text, rendered by the reader inside `prose`. */
  text: ReactNode;
  prose: RefObject<HTMLDivElement | null>;
  /** The level-2 headings. */
  sections: Block[];
  sectionTitle: (blockId: string) => string;
  sectionBlocks: (sectionId: string) => { id: string; text: string }[];
}

/**
 * The text of a kit with its annotations: highlights over it, the toolbar
 * for a selection, the notes after it, and the choice to see one's groups'.
 */
export function AnnotatedText({ resource, text, prose, sections, sectionTitle, sectionBlocks }: AnnotatedTextProps) {
  const kit = useKitAnnotations(resource.id);
  const [detached, setDetached] = useState<Annotation[]>([]);
  const onDetached = useCallback((list: Annotation[]) => setDetached(list), []);
  const ordered = useMemo(
    () => (kit.visible ? inReadingOrder(kit.visible, resource.blocks) : []),
    [kit.visible, resource.blocks],
  );
  return (
    <>
      {kit.othersCount > 0 && (
        <p className="no-print">
          <label className="toggle">
            <input type="checkbox" checked={kit.showGroups} onChange={(e) => kit.setShowGroups(e.target.checked)} />
            Afficher les annotations de mes groupes ({kit.othersCount})
          </label>
        </p>
      )}
      {text}
      {kit.visible && (
        <Highlights
          container={prose}
          contentHash={resource.contentHash}
          annotations={kit.visible}
          isMine={kit.isMine}
          sectionTitle={sectionTitle}
          onDetached={onDetached}
        />
      )}
      <SelectionToolbar resourceId={resource.id} container={prose} workspaces={kit.workspaces} />
      {sections.length > 0 && kit.visible && (
        <SectionNotes
          resourceId={resource.id}
          sections={sections}
          annotations={ordered}
          detached={detached}
          isMine={kit.isMine}
          sectionTitle={sectionTitle}
          sectionBlocks={sectionBlocks}
          workspaces={kit.workspaces}
        />
      )}
    </>
  );
}

function inReadingOrder(annotations: Annotation[], blocks: { id: string }[]): Annotation[] {
  const index = new Map(blocks.map((b, i) => [b.id, i]));
  const rank = (a: Annotation) => index.get(a.target.blockId) ?? blocks.length;
  return [...annotations].sort(
    (a, b) => rank(a) - rank(b) || (a.target.position?.start ?? -1) - (b.target.position?.start ?? -1),
  );
}
