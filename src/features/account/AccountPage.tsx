import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useOnline } from '../../db/react/hooks.ts';
import type { Session } from '../../db/session.ts';
import { signIn, signUp } from './commands.ts';
import { LogoutButton, type LogoutButtonProps } from './LogoutButton.tsx';
import { SignInForm } from './SignInForm.tsx';
import { SignUpForm } from './SignUpForm.tsx';
import { useDatabase } from '../../db/react/DatabaseContext.tsx';
import { SyncStatusLine } from './SyncStatusLine.tsx';
import { confirmUnsynced } from './unsynced.ts';
import { useSession } from './useSession.ts';
import { safeReturnPath } from './validation.ts';
import './account.css';

export interface AccountPageProps {
  /** Passed to « Se déconnecter » (see LogoutButton): resolve `false` to stay signed in. */
  beforeLogout?: () => Promise<boolean>;
}

/** /compte: sign in or create an account; once signed in, who you are and « Se déconnecter ». */
export default function AccountPage({ beforeLogout }: AccountPageProps) {
  const { db, session } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [notice, setNotice] = useState('');
  const returnTo = safeReturnPath(params.get('retour'));

  function welcome(next: Session, created: boolean) {
    setNotice(
      created
        ? `Compte créé : bienvenue, ${next.user.displayName} !`
        : `Connexion réussie : bienvenue, ${next.user.displayName} !`,
    );
    if (returnTo) void navigate(returnTo, { replace: true });
  }

  return (
    <>
      <h1>Compte</h1>
      <p className="account-notice" role="status">
        {notice}
      </p>
      {session === undefined ? (
        <p className="muted">Chargement…</p>
      ) : session ? (
        <SignedIn
          db={db}
          session={session}
          beforeLogout={beforeLogout}
          onSignedOut={({ serverNotified }) =>
            setNotice(
              serverNotified
                ? 'Déconnexion effectuée sur cet appareil.'
                : 'Déconnexion effectuée sur cet appareil. Pas de connexion : le serveur n’a pas pu en être informé, la session y reste ouverte.',
            )
          }
        />
      ) : (
        <SignedOut
          returning={returnTo !== undefined}
          onSignIn={async (input) => welcome(await signIn(db, input), false)}
          onSignUp={async (input) => welcome(await signUp(db, input), true)}
        />
      )}
    </>
  );
}

function SignedOut({
  returning,
  onSignIn,
  onSignUp,
}: {
  returning: boolean;
  onSignIn: Parameters<typeof SignInForm>[0]['onSubmit'];
  onSignUp: Parameters<typeof SignUpForm>[0]['onSubmit'];
}) {
  const online = useOnline();
  return (
    <>
      <p className="lead">
        L’application fonctionne entièrement sans compte : la bibliothèque, la recherche et vos notes restent sur cet
        appareil, même hors ligne.
      </p>
      <p>
        Un compte sert à retrouver vos notes sur vos autres appareils et à les partager avec vos groupes, dans des{' '}
        <Link to="/espaces">espaces</Link>.{returning && ' Connectez-vous pour continuer là où vous en étiez.'}
      </p>
      {!online && (
        <p className="account-offline">
          Vous êtes hors ligne : la connexion et la création d’un compte demandent du réseau.
        </p>
      )}
      <div className="account-forms">
        <SignInForm onSubmit={onSignIn} />
        <SignUpForm onSubmit={onSignUp} />
      </div>
    </>
  );
}

function SignedIn({ db, session, beforeLogout, onSignedOut }: LogoutButtonProps) {
  const { sync } = useDatabase();
  return (
    <section aria-labelledby="compte-identite">
      <h2 id="compte-identite">Votre compte</h2>
      <dl className="facts account-identity">
        <dt>Nom</dt>
        <dd>{session.user.displayName}</dd>
        <dt>Adresse e-mail</dt>
        <dd>{session.user.email}</dd>
      </dl>
      <p>
        Avec ce compte, vos notes peuvent se synchroniser avec vos autres appareils et avec vos groupes.{' '}
        <Link to="/espaces">Voir mes espaces</Link>
      </p>
      <SyncStatusLine />
      <LogoutButton
        db={db}
        session={session}
        beforeLogout={beforeLogout ?? (() => confirmUnsynced(db))}
        removePrivateData={() => sync.then((engine) => engine.signOutAndWipe())}
        onSignedOut={onSignedOut}
      />
    </section>
  );
}
