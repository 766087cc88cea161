import { toString as qrSvg } from 'qrcode';
import { useEffect, useState } from 'react';

/**
 * A QR code drawn as SVG by `qrcode` and shown as a data: image (the CSP
 * allows data: images, not inline SVG styles or scripts).
 */
export function QrCode({
  text,
  alt,
  size = 280,
  fallback,
}: {
  text: string;
  alt: string;
  size?: number;
  fallback: string;
}) {
  const [drawn, setDrawn] = useState<{ text: string; src?: string }>();
  useEffect(() => {
    let current = true;
    qrSvg(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }).then(
      (svg) => current && setDrawn({ text, src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` }),
      () => current && setDrawn({ text }),
    );
    return () => {
      current = false;
    };
  }, [text]);
  if (drawn?.text === text && !drawn.src) return <p className="muted">{fallback}</p>;
  return (
    <div className="invite-qr">
      {drawn?.text === text && drawn.src ? (
        <img src={drawn.src} width={size} height={size} alt={alt} />
      ) : (
        <p className="muted">Préparation du QR code…</p>
      )}
    </div>
  );
}
