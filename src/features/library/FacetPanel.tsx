import {
  ACTOR_FAMILY_LABELS,
  MATURITY_LABELS,
  NEED_SHORT_LABELS,
  RESOURCE_TYPE_LABELS,
  STEP_LABELS,
} from '../../i18n/fr.ts';
import { FACETS, type FacetKey, type Filters } from '../../model/facets.ts';

const FACET_TITLES: Record<FacetKey, string> = {
  need: 'Besoin',
  step: 'Étape',
  actor: "Famille d'acteurs",
  maturity: 'Niveau',
  type: 'Type de ressource',
};

const VALUE_LABELS: Record<FacetKey, Record<string, string>> = {
  need: NEED_SHORT_LABELS,
  step: STEP_LABELS,
  actor: ACTOR_FAMILY_LABELS,
  maturity: MATURITY_LABELS,
  type: RESOURCE_TYPE_LABELS,
};

export function facetValueLabel(key: FacetKey, value: string): string {
  return VALUE_LABELS[key][value] ?? value;
}

interface Props {
  filters: Filters;
  counts: Record<FacetKey, Record<string, number>>;
  onToggle(key: FacetKey, value: string): void;
}

/** One fieldset of checkboxes per facet, each value with the count it would show. */
export function FacetPanel({ filters, counts, onToggle }: Props) {
  return (
    <div className="facets">
      {FACETS.map((facet) => (
        <fieldset key={facet.key} className="facet">
          <legend>{FACET_TITLES[facet.key]}</legend>
          {facet.values.map((value) => {
            const checked = filters[facet.key].includes(value);
            const count = counts[facet.key][value] ?? 0;
            return (
              <label key={value} className={count === 0 && !checked ? 'facet-value empty' : 'facet-value'}>
                <input type="checkbox" checked={checked} onChange={() => onToggle(facet.key, value)} />
                <span>{facetValueLabel(facet.key, value)}</span>
                <span className="count" aria-label={`${count} ressource${count > 1 ? 's' : ''}`}>
                  {count}
                </span>
              </label>
            );
          })}
        </fieldset>
      ))}
    </div>
  );
}
