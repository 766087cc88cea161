import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { cameraProblem, createQrDetector } from './scanner.ts';
import { inviteCodeFromScan } from './validation.ts';

/** Time between two looks at the picture: often enough to feel instant, rarely enough to spare the battery. */
const LOOK_EVERY_MS = 250;

/**
 * The camera's picture and a QR code reader on it. Calls `onCode` with the
 * first invite code it reads. The camera stops when this unmounts.
 */
export function QrScanner({ onCode, onClose }: { onCode(code: string): void; onClose(): void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [message, setMessage] = useState('Ouverture de la caméra…');
  const found = useEffectEvent((code: string) => onCode(code));

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | undefined;
    let frame = 0;
    let looking = false;
    let lastLook = 0;
    const detector = createQrDetector();
    const stop = () => {
      stopped = true;
      cancelAnimationFrame(frame);
      stream?.getTracks().forEach((track) => track.stop());
    };

    const look = (now: number) => {
      if (stopped) return;
      frame = requestAnimationFrame(look);
      const picture = video.current;
      if (looking || !picture || picture.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return;
      if (now - lastLook < LOOK_EVERY_MS) return;
      looking = true;
      lastLook = now;
      detector.detect(picture).then(
        (barcodes) => {
          looking = false;
          if (stopped || barcodes.length === 0) return;
          const code = barcodes.map((b) => inviteCodeFromScan(b.rawValue)).find(Boolean);
          if (code) {
            stop();
            found(code);
          } else {
            setMessage("Ce QR code n'est pas une invitation à un espace.");
          }
        },
        () => {
          looking = false;
        },
      );
    };

    navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false }).then(
      (opened) => {
        stream = opened;
        if (stopped) return stop();
        const picture = video.current;
        if (!picture) return;
        picture.srcObject = opened;
        void Promise.resolve(picture.play()).catch(() => undefined);
        setMessage('Visez le QR code affiché par la personne qui vous invite.');
        frame = requestAnimationFrame(look);
      },
      (error: unknown) => {
        if (!stopped) setMessage(cameraProblem(error));
      },
    );
    return stop;
  }, []);

  return (
    <div className="scanner">
      <video ref={video} className="scanner-video" muted playsInline aria-label="Image de la caméra" />
      <p role="status">{message}</p>
      <button type="button" className="button secondary" onClick={onClose}>
        Fermer la caméra
      </button>
    </div>
  );
}
