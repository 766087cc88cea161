import type { Block } from '../../model/library.ts';
import type { ReadingProgress } from '../../model/reading.ts';

/** The sections of a text, with the ones already read marked. */
export function TableOfContents({ headings, progress }: { headings: Block[]; progress: ReadingProgress | null }) {
  const read = new Set(progress?.read ?? []);
  const done = headings.filter((h) => read.has(h.id)).length;
  return (
    <nav className="toc" aria-label="Sommaire">
      <h2>Sommaire</h2>
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
  );
}
