import { useEffect, useState } from 'react';

const SIZE = 280;

/**
 * The QR code of a join link, drawn as SVG by `qrcode` and shown as a data:
 * image (the CSP allows data: images, not inline SVG styles or scripts).
 */
export function InviteQr({ url, code }: { url: string; code: string }) {
  const [drawn, setDrawn] = useState<{ url: string; src?: string }>();
  useEffect(() => {
    let current = true;
    // Loaded on first use, not installed with the app: the offline extras (src/app/offline-extras.ts).
    import('qrcode')
      .then(({ toString: qrSvg }) => qrSvg(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }))
      .then(
        (svg) => current && setDrawn({ url, src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` }),
        () => current && setDrawn({ url }),
      );
    return () => {
      current = false;
    };
  }, [url]);
  if (drawn?.url === url && !drawn.src) {
    return <p className="muted">Le QR code n’a pas pu être dessiné : donnez le code ci-dessus.</p>;
  }
  return (
    <div className="invite-qr">
      {drawn?.url === url && drawn.src ? (
        <img
          src={drawn.src}
          width={SIZE}
          height={SIZE}
          alt={`QR code d’invitation (code ${code}) : le scanner ouvre la page pour rejoindre l’espace.`}
        />
      ) : (
        <p className="muted">Préparation du QR code…</p>
      )}
    </div>
  );
}
