import { Link, useLocation } from 'react-router';

/** What the group screens say to someone without an account, with the way back here after signing in. */
export function SignedOutNotice() {
  const { pathname, search } = useLocation();
  return (
    <div className="card">
      <p>
        Un espace réunit un groupe — un territoire, les participants d’un atelier — qui partage ses notes. Pour créer un
        espace ou en rejoindre un, il faut un compte.
      </p>
      <p>L’application reste entièrement utilisable sans compte, sur cet appareil.</p>
      <p>
        <Link className="button" to={`/compte?retour=${encodeURIComponent(pathname + search)}`}>
          Se connecter ou créer un compte
        </Link>
      </p>
    </div>
  );
}
