import { useEffect, useRef, useState } from 'react';
import { currentPlatform, isIosSafari } from './platform.ts';

interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/**
 * "Installer l'application": the browser's own prompt where it offers one
 * (beforeinstallprompt), a short guide on iOS Safari, nothing elsewhere.
 */
export function InstallPrompt() {
  const [deferred, setDeferred] = useState<BeforeInstallPromptEvent>();
  const [installed, setInstalled] = useState(false);
  const platform = currentPlatform();
  const guide = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const onPrompt = (event: Event) => {
      event.preventDefault();
      setDeferred(event as BeforeInstallPromptEvent);
    };
    const onInstalled = () => setInstalled(true);
    window.addEventListener('beforeinstallprompt', onPrompt);
    window.addEventListener('appinstalled', onInstalled);
    return () => {
      window.removeEventListener('beforeinstallprompt', onPrompt);
      window.removeEventListener('appinstalled', onInstalled);
    };
  }, []);

  if (installed || platform.standalone) return null;
  if (deferred) {
    const install = async () => {
      await deferred.prompt();
      const { outcome } = await deferred.userChoice;
      if (outcome === 'accepted') setInstalled(true);
      setDeferred(undefined);
    };
    return (
      <button type="button" className="button secondary" onClick={() => void install()}>
        Installer l'application
      </button>
    );
  }
  if (!isIosSafari(platform)) return null;
  return (
    <>
      <button type="button" className="button secondary" onClick={() => guide.current?.showModal()}>
        Installer l'application
      </button>
      <dialog ref={guide} className="dialog" aria-labelledby="ios-guide-title">
        <h2 id="ios-guide-title">Installer sur iPhone ou iPad</h2>
        <ol className="install-steps">
          <li>
            <ShareIcon /> Touchez le bouton <strong>Partager</strong>, en bas de l'écran (en haut sur iPad).
          </li>
          <li>
            <AddIcon /> Faites défiler puis choisissez <strong>Sur l'écran d'accueil</strong>.
          </li>
          <li>
            Touchez <strong>Ajouter</strong> : l'application s'ouvre ensuite depuis son icône, même sans réseau.
          </li>
        </ol>
        <p>
          Installez-la avant d'écrire vos propres notes : sur iPhone, Safari et l'application installée gardent chacun
          leurs données, et ce qui est saisi dans Safari ne se retrouve pas dans l'application.
        </p>
        <form method="dialog">
          <button className="button">J'ai compris</button>
        </form>
      </dialog>
    </>
  );
}

function ShareIcon() {
  return (
    <svg className="inline-icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M12 3v12M7 8l5-5 5 5M5 12v8h14v-8" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

function AddIcon() {
  return (
    <svg className="inline-icon" viewBox="0 0 24 24" aria-hidden="true">
      <rect x="4" y="4" width="16" height="16" rx="3" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M12 8v8M8 12h8" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}
