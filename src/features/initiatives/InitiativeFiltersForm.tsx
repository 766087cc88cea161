import { NEED_SHORT_LABELS } from '../../i18n/fr.ts';
import { INITIATIVE_STAGES, type InitiativeStage } from '../../model/initiatives.ts';
import { INITIATIVE_STAGE_LABELS } from '../../model/initiatives/labels.ts';
import { SDGS } from '../../model/initiatives/sdgs.ts';
import { NEED_IDS, type NeedId } from '../../model/vocabulary.ts';
import { PRIVATE, type InitiativeFilters } from './filters.ts';

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
      <label>
        Besoin
        <select
          value={filters.need ?? ''}
          onChange={(e) => onChange({ need: (e.target.value || undefined) as NeedId | undefined })}
        >
          <option value="">Tous</option>
          {NEED_IDS.map((need) => (
            <option key={need} value={need}>
              {NEED_SHORT_LABELS[need]}
            </option>
          ))}
        </select>
      </label>
      <label>
        ODD
        <select
          value={filters.sdg ?? ''}
          onChange={(e) => onChange({ sdg: e.target.value ? Number(e.target.value) : undefined })}
        >
          <option value="">Tous</option>
          {SDGS.map((sdg) => (
            <option key={sdg.number} value={sdg.number}>
              {sdg.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Stade
        <select
          value={filters.stage ?? ''}
          onChange={(e) => onChange({ stage: (e.target.value || undefined) as InitiativeStage | undefined })}
        >
          <option value="">Tous</option>
          {INITIATIVE_STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {INITIATIVE_STAGE_LABELS[stage]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Commune ou département
        <input
          type="text"
          value={filters.place ?? ''}
          placeholder="Redon, 35…"
          onChange={(e) => onChange({ place: e.target.value || undefined })}
        />
      </label>
      <label>
        Groupe
        <select value={filters.group ?? ''} onChange={(e) => onChange({ group: e.target.value || undefined })}>
          <option value="">Tous</option>
          <option value={PRIVATE}>Privées</option>
          {groups.map((group) => (
            <option key={group.id} value={group.id}>
              Groupe « {group.name} »
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
