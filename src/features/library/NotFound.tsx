import { Link } from 'react-router';

export function NotFound({ what }: { what: string }) {
  return (
    <>
      <h1>Introuvable</h1>
      <p>
        {what} n'est pas (ou plus) dans la bibliothèque de cet appareil. <Link to="/">Retour à l'accueil</Link>
      </p>
    </>
  );
}
