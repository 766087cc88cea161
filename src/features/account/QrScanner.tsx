import { useState } from 'react';
import { QrCameraReader } from '../../ui/qr/QrCameraReader.tsx';
import { inviteCodeFromScan } from './validation.ts';

/** The camera, reading an invitation's QR code. Calls `onCode` with the first invite code it reads. */
export function QrScanner({ onCode, onClose }: { onCode(code: string): void; onClose(): void }) {
  const [notice, setNotice] = useState<string>();
  return (
    <QrCameraReader
      instruction="Visez le QR code affiché par la personne qui vous invite."
      notice={notice}
      instead="saisissez le code"
      onClose={onClose}
      onValues={(values) => {
        const code = values.map(inviteCodeFromScan).find(Boolean);
        if (code) onCode(code);
        else setNotice("Ce QR code n'est pas une invitation à un espace.");
        return Boolean(code);
      }}
    />
  );
}
