import { useParams } from 'react-router';
import { useDatabase } from '../../db/react/DatabaseContext.tsx';
import { useObservable } from '../../db/react/hooks.ts';
import { STEP_LABELS } from '../../i18n/fr.ts';
import { STEP_IDS, type NeedId } from '../../model/vocabulary.ts';
import { Blocks, splitSections } from './Blocks.tsx';
import { NotFound } from './NotFound.tsx';
import { watchNeed, watchResources } from '../../db/library-queries.ts';
import { ResourceCard } from './ResourceCard.tsx';
import './library.css';

export default function NeedPage() {
  const { id = '' } = useParams();
  const { db } = useDatabase();
  const need = useObservable(() => watchNeed(db, id), [db, id]);
  const resources = useObservable(() => watchResources(db, { need: id as NeedId }), [db, id]);
  if (need === undefined) return null;
  if (need === null) return <NotFound what="Ce besoin" />;
  const { intro, sections } = splitSections(need.blocks);

  return (
    <article>
      <p className="kicker">Besoin {need.order} sur 7</p>
      <h1>{need.title}</h1>
      <Blocks blocks={intro} />
      {STEP_IDS.map((step) => (
        <section key={step} aria-labelledby={`etape-${step}`}>
          <h2 id={`etape-${step}`}>{STEP_LABELS[step]}</h2>
          <Blocks blocks={sections.get(step) ?? []} />
          <ul className="list">
            {resources
              ?.filter((r) => r.step === step)
              .map((r) => (
                <ResourceCard key={r.id} resource={r} />
              ))}
          </ul>
        </section>
      ))}
    </article>
  );
}
