import { SDG_PARTNERSHIPS, SDG17_ANGLES, SDGS } from '../../model/initiatives/sdgs.ts';
import { Choices, describedBy, FieldError } from './form-parts.tsx';

/** The id of the checkbox of an SDG 17 target: « 17.10 » → `${prefix}-17-10`. */
export const targetInputId = (prefix: string, target: string) => `${prefix}-${target.replace('.', '-')}`;

interface Props {
  sdgs: number[];
  targets: string[];
  onChange(sdgs: number[], targets: string[]): void;
  errors: { sdgs?: string; sdg17Targets?: string };
}

/** The 17 SDGs; ticking the 17th shows its 19 targets, by angle. */
export function SdgFields({ sdgs, targets, onChange, errors }: Props) {
  const partnerships = sdgs.includes(SDG_PARTNERSHIPS);
  // Unticking SDG 17 drops its targets: hidden ticks would be recorded unseen.
  const toggleTarget = (target: string, checked: boolean) =>
    onChange(sdgs, checked ? [...targets, target] : targets.filter((t) => t !== target));
  return (
    <>
      <Choices
        id="initiative-odd"
        legend="Objectifs de développement durable (ODD)"
        hint="Ceux auxquels l’initiative contribue. Cochez l’ODD 17 pour préciser ses cibles."
        options={SDGS.map((sdg) => ({ value: sdg.number as number, label: sdg.label }))}
        selected={sdgs}
        onChange={(next) => onChange(next, next.includes(SDG_PARTNERSHIPS) ? targets : [])}
        error={errors.sdgs}
        className="columns"
      />
      {partnerships && (
        <fieldset
          className="choices sdg17"
          aria-describedby={describedBy('initiative-cibles', { error: errors.sdg17Targets })}
        >
          <legend>Cibles de l’ODD 17 – Partenariats pour la réalisation des objectifs</legend>
          <FieldError id="initiative-cibles" error={errors.sdg17Targets} />
          {SDG17_ANGLES.map((angle) => (
            <fieldset key={angle.id} className="choices angle">
              <legend>{angle.name}</legend>
              {angle.groups.map((group, g) => (
                <div key={group.name ?? g} role={group.name ? 'group' : undefined} aria-label={group.name}>
                  {group.name && (
                    <p className="angle-group" aria-hidden="true">
                      {group.name}
                    </p>
                  )}
                  <div className="choice-list">
                    {group.targets.map((target) => (
                      <label key={target.id} className="choice" htmlFor={targetInputId('initiative-cible', target.id)}>
                        <input
                          id={targetInputId('initiative-cible', target.id)}
                          type="checkbox"
                          checked={targets.includes(target.id)}
                          onChange={(e) => toggleTarget(target.id, e.target.checked)}
                        />
                        <span>
                          {target.id} – {target.label}
                        </span>
                      </label>
                    ))}
                  </div>
                </div>
              ))}
            </fieldset>
          ))}
        </fieldset>
      )}
    </>
  );
}
