import { NEED_SHORT_LABELS } from '../../i18n/fr.ts';
import { INITIATIVE_STAGES, type InitiativeStage } from '../../model/initiatives.ts';
import { INITIATIVE_STAGE_LABELS } from '../../model/initiatives/labels.ts';
import { SDGS } from '../../model/initiatives/sdgs.ts';
import { NEED_IDS, type NeedId } from '../../model/vocabulary.ts';
import { PRIVATE, type InitiativeFilters } from './filters.ts';
import { FilterSelect } from '../../ui/FilterSelect.tsx';

interface Props {
  filters: InitiativeFilters;
  onChange(change: Partial<InitiativeFilters>): void;
  /** The groups to offer: id and name. */
  groups: { id: string; name: string }[];
}

/** The list's search box and filters; their values live in the address. */
export function InitiativeFiltersForm({ filters, onChange, groups }: Props) {
  return (
    <form
      className="filters-inline initiative-filters"
      role="search"
      aria-label="Filtrer les initiatives"
      onSubmit={(e) => e.preventDefault()}
    >
      <label>
        Rechercher
        <input
          type="search"
          value={filters.text ?? ''}
          onChange={(e) => onChange({ text: e.target.value || undefined })}
        />
      </label>
      <FilterSelect
        label="Besoin"
        value={filters.need}
        options={NEED_IDS.map((need) => ({ value: need, label: NEED_SHORT_LABELS[need] }))}
        onChange={(need) => onChange({ need: need as NeedId | undefined })}
      />
      <FilterSelect
        label="ODD"
        value={filters.sdg}
        options={SDGS.map((sdg) => ({ value: String(sdg.number), label: sdg.label }))}
        onChange={(sdg) => onChange({ sdg: sdg ? Number(sdg) : undefined })}
      />
      <FilterSelect
        label="Stade"
        value={filters.stage}
        options={INITIATIVE_STAGES.map((stage) => ({ value: stage, label: INITIATIVE_STAGE_LABELS[stage] }))}
        onChange={(stage) => onChange({ stage: stage as InitiativeStage | undefined })}
      />
      <label>
        Commune ou département
        <input
          type="text"
          value={filters.place ?? ''}
          placeholder="Redon, 35…"
          onChange={(e) => onChange({ place: e.target.value || undefined })}
        />
      </label>
      <FilterSelect
        label="Groupe"
        value={filters.group}
        options={[
          { value: PRIVATE, label: 'Privées' },
          ...groups.map((group) => ({ value: group.id, label: `Groupe « ${group.name} »` })),
        ]}
        onChange={(group) => onChange({ group })}
      />
    </form>
  );
}
