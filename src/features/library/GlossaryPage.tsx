import { useDatabase } from '../../db/react/DatabaseContext.tsx';
import { useObservable } from '../../db/react/hooks.ts';
import { Blocks } from './Blocks.tsx';
import { useScrollToHash } from './useScrollToHash.ts';
import { watchGlossary } from '../../db/library-queries.ts';
import './library.css';

export default function GlossaryPage() {
  const { db } = useDatabase();
  const terms = useObservable(() => watchGlossary(db), [db]);
  useScrollToHash(Boolean(terms));
  return (
    <>
      <h1>Vocabulaire partagé</h1>
      <p className="lead">Les mots de la co-construction, pour que chacun parle de la même chose.</p>
      <dl className="glossary">
        {terms?.map((t) => (
          <div key={t.id} id={t.id}>
            <dt>
              {t.term}
              {t.aliases.length > 0 && <span className="muted"> ({t.aliases.join(', ')})</span>}
            </dt>
            <dd>
              <Blocks blocks={t.blocks} />
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}
