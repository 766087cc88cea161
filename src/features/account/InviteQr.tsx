import { QrCode } from '../../ui/QrCode.tsx';

/** The QR code of a join link. */
export function InviteQr({ url, code }: { url: string; code: string }) {
  return (
    <QrCode
      text={url}
      alt={`QR code d’invitation (code ${code}) : le scanner ouvre la page pour rejoindre l’espace.`}
      fallback="Le QR code n’a pas pu être dessiné : donnez le code ci-dessus."
    />
  );
}
