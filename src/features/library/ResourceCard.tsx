import { Link } from 'react-router';
import { MATURITY_LABELS, RESOURCE_TYPE_LABELS, STEP_LABELS } from '../../i18n/fr.ts';
import type { Resource } from '../../model/library.ts';

/** A resource in a list; its title is a level-3 heading under a section's, or level 2 right under the page's. */
export function ResourceCard({ resource, level = 3 }: { resource: Resource; level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <li className="card">
      <p className="kicker">
        {RESOURCE_TYPE_LABELS[resource.type]} · {STEP_LABELS[resource.step]} · {MATURITY_LABELS[resource.maturity]}
      </p>
      <Heading>
        <Link to={`/ressources/${resource.id}`}>{resource.title}</Link>
      </Heading>
      <p>{resource.summary}</p>
    </li>
  );
}
