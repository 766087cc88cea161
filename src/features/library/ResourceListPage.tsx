import { Link, useSearchParams } from 'react-router';
import { useDatabase } from '../../app/DatabaseContext.tsx';
import { useObservable } from '../../app/hooks.ts';
import { NEED_SHORT_LABELS, STEP_LABELS } from '../../i18n/fr.ts';
import { NEED_IDS, STEP_IDS, type NeedId, type StepId } from '../../model/vocabulary.ts';
import { watchResources } from './queries.ts';
import { ResourceCard } from './ResourceCard.tsx';

export default function ResourceListPage() {
  const { db } = useDatabase();
  const [params] = useSearchParams();
  const step = STEP_IDS.find((s) => s === params.get('etape')) as StepId | undefined;
  const need = NEED_IDS.find((n) => n === params.get('besoin')) as NeedId | undefined;
  const resources = useObservable(() => watchResources(db, { step, need }), [db, step, need]);
  const heading = [need && NEED_SHORT_LABELS[need], step && STEP_LABELS[step]].filter(Boolean).join(' · ');

  return (
    <>
      <h1>Ressources{heading && ` : ${heading}`}</h1>
      <nav aria-label="Étapes" className="chips">
        <Link to="/ressources" aria-current={!step && !need ? 'page' : undefined}>
          Toutes
        </Link>
        {STEP_IDS.map((s) => (
          <Link key={s} to={`/ressources?etape=${s}`} aria-current={s === step ? 'page' : undefined}>
            {STEP_LABELS[s]}
          </Link>
        ))}
      </nav>
      {resources && <p className="muted">{resources.length} ressource(s)</p>}
      <ul className="list">
        {resources?.map((r) => (
          <ResourceCard key={r.id} resource={r} />
        ))}
      </ul>
    </>
  );
}
