import { useEffect, useState } from 'react';
import type { Block } from '../../model/library.ts';
import type { ReadingProgress } from '../../model/reading.ts';

const TOC_ID = 'sommaire';

/** The sections of a text, with the ones already read marked. */
export function TableOfContents({ headings, progress }: { headings: Block[]; progress: ReadingProgress | null }) {
  const read = new Set(progress?.read ?? []);
  const done = headings.filter((h) => read.has(h.id)).length;
  return (
    <>
      <nav className="toc" id={TOC_ID} aria-labelledby="sommaire-titre">
        <h2 id="sommaire-titre" tabIndex={-1}>
          Sommaire
        </h2>
        <p className="muted">
          {done === 0 ? 'Aucune section lue' : `${done} section${done > 1 ? 's' : ''} lue${done > 1 ? 's' : ''}`} sur{' '}
          {headings.length}
        </p>
        <ol>
          {headings.map((heading) => (
            <li key={heading.id} className={read.has(heading.id) ? 'read' : undefined}>
              <a href={`#${heading.id}`}>{heading.text}</a>
              {read.has(heading.id) && <span className="read-mark"> — lu</span>}
            </li>
          ))}
        </ol>
      </nav>
      <BackToContents />
    </>
  );
}

/**
 * Once the reader has scrolled past the table of contents, a button stays at
 * the screen's foot and brings them back to it (focus on its heading, so the
 * keyboard continues from there).
 */
function BackToContents() {
  const [past, setPast] = useState(false);
  useEffect(() => {
    const toc = document.getElementById(TOC_ID);
    if (!toc) return;
    const observer = new IntersectionObserver(([entry]) => {
      if (entry) setPast(!entry.isIntersecting && entry.boundingClientRect.top < 0);
    });
    observer.observe(toc);
    return () => observer.disconnect();
  }, []);
  if (!past) return null;
  const back = () => {
    const heading = document.getElementById('sommaire-titre');
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  };
  return (
    <button type="button" className="button toc-jump no-print" onClick={back}>
      <svg className="inline-icon" viewBox="0 0 24 24" aria-hidden="true">
        <path d="M6 15l6-6 6 6" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
      </svg>
      Sommaire
    </button>
  );
}
