import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { type BarcodeDetectorLike, cameraProblem, createQrDetector } from './detector.ts';

/** Time between two looks at the picture: often enough to feel instant, rarely enough to spare the battery. */
const LOOK_EVERY_MS = 250;

interface Props {
  /** Gets the texts of the codes seen in one look; returns true when it has what it wanted (the camera stops). */
  onValues(values: string[]): boolean;
  onClose(): void;
  /** What to aim at, once the camera is open. */
  instruction: string;
  /** Shown instead of the instruction while set (what the last code was, how far a sequence has come). */
  notice?: string;
  /** The other way when the camera fails, in a sentence's end: « saisissez le code ». */
  instead: string;
}

/** The camera's picture and a QR code reader on it. The camera stops when this unmounts or `onValues` says so. */
export function QrCameraReader({ onValues, onClose, instruction, notice, instead }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string>();
  const [open, setOpen] = useState(false);
  const seen = useEffectEvent((values: string[]) => onValues(values));
  const failed = useEffectEvent((error: unknown) => setProblem(cameraProblem(error, instead)));
  const unreadable = useEffectEvent(() =>
    setProblem(`Le lecteur de QR codes n’a pas pu se charger sur cet appareil : ${instead}.`),
  );

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | undefined;
    let detector: BarcodeDetectorLike | undefined;
    let frame = 0;
    let looking = false;
    let lastLook = 0;
    const stop = () => {
      stopped = true;
      cancelAnimationFrame(frame);
      stream?.getTracks().forEach((track) => track.stop());
    };

    const look = (now: number) => {
      if (stopped) return;
      frame = requestAnimationFrame(look);
      const picture = video.current;
      if (looking || !detector || !picture || picture.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return;
      if (now - lastLook < LOOK_EVERY_MS) return;
      looking = true;
      lastLook = now;
      detector.detect(picture).then(
        (barcodes) => {
          looking = false;
          if (!stopped && barcodes.length > 0 && seen(barcodes.map((b) => b.rawValue))) stop();
        },
        () => {
          looking = false;
        },
      );
    };

    createQrDetector().then(
      (ready) => {
        detector = ready;
      },
      () => {
        if (!stopped) unreadable();
        stop();
      },
    );
    navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false }).then(
      (opened) => {
        stream = opened;
        if (stopped) return stop();
        const picture = video.current;
        if (!picture) return;
        picture.srcObject = opened;
        void Promise.resolve(picture.play()).catch(() => undefined);
        setOpen(true);
        frame = requestAnimationFrame(look);
      },
      (error: unknown) => {
        if (!stopped) failed(error);
      },
    );
    return stop;
  }, []);

  const message = problem ?? (open ? (notice ?? instruction) : 'Ouverture de la caméra…');
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
