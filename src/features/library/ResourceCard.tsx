import { Link } from 'react-router';
import { MATURITY_LABELS, RESOURCE_TYPE_LABELS, STEP_LABELS } from '../../i18n/fr.ts';
import type { Resource } from '../../model/library.ts';

export function ResourceCard({ resource }: { resource: Resource }) {
  return (
    <li className="card">
      <p className="kicker">
        {RESOURCE_TYPE_LABELS[resource.type]} · {STEP_LABELS[resource.step]} · {MATURITY_LABELS[resource.maturity]}
      </p>
      <h3>
        <Link to={`/ressources/${resource.id}`}>{resource.title}</Link>
      </h3>
      <p>{resource.summary}</p>
    </li>
  );
}
