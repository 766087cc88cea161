export interface FilterOption {
  value: string;
  label: string;
}

interface FilterSelectProps {
  label: string;
  /** The chosen value; undefined means no filter. */
  value: string | number | undefined;
  /** The wording of « no filter », agreed with the label's gender. */
  all?: 'Tous' | 'Toutes';
  options: readonly FilterOption[];
  onChange: (value: string | undefined) => void;
}

/** A labelled filter select whose first choice, the empty value, means « no filter ». */
export function FilterSelect({ label, value, all = 'Tous', options, onChange }: FilterSelectProps) {
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">{all}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
