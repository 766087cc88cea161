import type { ReactNode } from 'react';

interface Props {
  /** What the other device had, after « Version modifiée sur un autre appareil ». */
  description: ReactNode;
  restoreLabel?: string;
  /** Absent for someone else's document: shown, not chosen. */
  onRestore?: () => void;
  onDismiss?: () => void;
}

/** A version kept by the no-loss merge, with the choice to put it back or keep what is shown. */
export function KeptVersion({ description, restoreLabel = 'Rétablir cette version', onRestore, onDismiss }: Props) {
  return (
    <div className="conflict" role="note">
      <p>
        <strong>Version modifiée sur un autre appareil</strong>
        {description}
      </p>
      {onRestore && onDismiss && (
        <p className="actions">
          <button type="button" className="button secondary" onClick={onRestore}>
            {restoreLabel}
          </button>
          <button type="button" className="button secondary" onClick={onDismiss}>
            Garder la version affichée
          </button>
        </p>
      )}
    </div>
  );
}
