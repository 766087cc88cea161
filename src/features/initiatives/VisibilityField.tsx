import type { WorkspaceSummary } from '../../model/accounts.ts';
import { GroupOptions } from '../../ui/GroupOptions.tsx';

interface Props {
  /** A workspace id, or null for private. */
  value: string | null;
  onChange(workspaceId: string | null): void;
  signedIn: boolean;
  workspaces: WorkspaceSummary[];
}

/** Who sees the initiative: the user alone, or one of their groups. */
export function VisibilityField({ value, onChange, signedIn, workspaces }: Props) {
  return (
    <div className="field">
      <label htmlFor="initiative-visibilite">Visibilité</label>
      <p id="initiative-visibilite-aide" className="field-hint">
        {signedIn
          ? 'Privée : vous seul la voyez. Partagée avec un groupe : ses membres la voient sur leurs appareils.'
          : 'Connectez-vous (page Compte) pour la partager avec un groupe ; en attendant, elle reste sur cet appareil.'}
      </p>
      <select
        id="initiative-visibilite"
        aria-describedby="initiative-visibilite-aide"
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value || null)}
      >
        <GroupOptions workspaces={workspaces} privateLabel="Privée (moi seul)" current={value} />
      </select>
    </div>
  );
}
