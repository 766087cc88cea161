import { useState } from 'react';
import { useNavigate, useLocation } from 'react-router';
import type { AppDatabase } from '../../db/database.ts';
import { forgetSession } from '../../db/session.ts';
import type { ApiError } from '../../db/remote/account-api.ts';

/**
 * A failed request of the group screens, said plainly, with what can be
 * done: try again, or sign in again when the server no longer knows the session.
 */
export function RemoteProblem({ db, error, onRetry }: { db: AppDatabase; error: ApiError; onRetry(): void }) {
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const [failure, setFailure] = useState<string>();

  async function signInAgain() {
    try {
      await forgetSession(db);
      await navigate(`/compte?retour=${encodeURIComponent(pathname + search)}`);
    } catch {
      setFailure("Cet appareil n'a pas pu oublier l'ancienne session. Rechargez la page puis réessayez.");
    }
  }

  return (
    <div className="card" role="alert">
      <p>{error.message}</p>
      {failure && <p>{failure}</p>}
      {error.code === 'unauthenticated' ? (
        <button type="button" className="button" onClick={() => void signInAgain()}>
          Se reconnecter
        </button>
      ) : (
        <button type="button" className="button secondary" onClick={onRetry}>
          Réessayer
        </button>
      )}
    </div>
  );
}
