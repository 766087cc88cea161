import type { WorkspaceSummary } from '../model/accounts.ts';

interface Props {
  workspaces: WorkspaceSummary[];
  /** The first choice: the user alone. */
  privateLabel: string;
  /** The group chosen now, kept even when its name is not known on this device. */
  current?: string | null;
}

/** The choices of a « who sees it » list: the user alone, or one of their groups. */
export function GroupOptions({ workspaces, privateLabel, current }: Props) {
  return (
    <>
      <option value="">{privateLabel}</option>
      {workspaces.map((w) => (
        <option key={w.id} value={w.id}>
          Groupe « {w.name} »
        </option>
      ))}
      {current && !workspaces.some((w) => w.id === current) && (
        <option value={current}>Un groupe (nom inconnu hors ligne)</option>
      )}
    </>
  );
}
