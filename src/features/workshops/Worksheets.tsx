import { mediaUrl, type Resource } from '../../model/library.ts';

/** The kit's worksheets and diagrams, to print before the workshop. */
export function Worksheets({ kit }: { kit: Pick<Resource, 'title' | 'media'> }) {
  const media = kit.media ?? [];
  return (
    <section className="worksheets">
      <h2>Fiches du kit à imprimer</h2>
      {media.length === 0 ? (
        <p className="muted">Ce kit n’a pas de fiche à imprimer.</p>
      ) : (
        <ul>
          {media.map((m) => (
            <li key={m.sha256}>
              <a href={mediaUrl(m)} target="_blank" rel="noreferrer">
                {m.title}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
