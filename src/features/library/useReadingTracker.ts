import { useEffect } from 'react';
import type { AppDatabase } from '../../db/database.ts';
import type { Block } from '../../model/library.ts';
import { sectionsWithEnds } from '../../model/reading.ts';
import { recordSectionRead } from './reading-progress.ts';

/** Marks a section read when its last block has been on screen. */
export function useReadingTracker(db: AppDatabase, resourceId: string, blocks: Block[] | undefined): void {
  useEffect(() => {
    if (!blocks || typeof IntersectionObserver === 'undefined') return;
    const ends = new Map(sectionsWithEnds(blocks).map((s) => [s.last.id, s.heading.id]));
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const sectionId = ends.get(entry.target.id);
        if (entry.isIntersecting && sectionId) {
          observer.unobserve(entry.target);
          void recordSectionRead(db, resourceId, sectionId).catch(() => {
            // Progress is a convenience: a storage failure must not break reading.
          });
        }
      }
    });
    for (const id of ends.keys()) {
      const element = document.getElementById(id);
      if (element) observer.observe(element);
    }
    return () => observer.disconnect();
  }, [db, resourceId, blocks]);
}
