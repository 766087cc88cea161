import { useEffect, useState } from 'react';

interface Props {
  text: string;
  /** Says what the code is and what scanning it does. */
  alt: string;
  /** Side in CSS pixels (the SVG scales without blur). */
  size: number;
  level?: 'L' | 'M' | 'Q' | 'H';
  className?: string;
}

/**
 * A QR code drawn as SVG by `qrcode` and shown as a data: image (the CSP
 * allows data: images, not inline SVG styles or scripts). Offline before
 * the offline extras are cached, it says the code could not be drawn.
 */
export function QrCodeImage({ text, alt, size, level = 'M', className }: Props) {
  const [drawn, setDrawn] = useState<{ text: string; src?: string }>();
  useEffect(() => {
    let current = true;
    // Loaded on first use, not installed with the app: the offline extras (src/app/offline-extras.ts).
    import('qrcode')
      .then(({ toString: qrSvg }) => qrSvg(text, { type: 'svg', errorCorrectionLevel: level, margin: 4 }))
      .then(
        (svg) => current && setDrawn({ text, src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` }),
        () => current && setDrawn({ text }),
      );
    return () => {
      current = false;
    };
  }, [text, level]);
  if (drawn?.text === text && !drawn.src) return <p className="muted">Le QR code n’a pas pu être dessiné.</p>;
  if (drawn?.text !== text) return <p className="muted">Préparation du QR code…</p>;
  return <img className={className} src={drawn.src} width={size} height={size} alt={alt} />;
}
