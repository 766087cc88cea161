import { Link } from 'react-router';

/** A workshop address this device does not know: a page heading and the way back to the list. */
export function WorkshopNotFound() {
  return (
    <>
      <h1>Atelier introuvable</h1>
      <p>
        Cet atelier n’est pas sur cet appareil. <Link to="/ateliers">Voir les ateliers</Link>
      </p>
    </>
  );
}
