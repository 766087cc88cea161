import { useEffect, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import { interest$ } from '../../db/interest.ts';
import { useObservable } from '../../db/react/hooks.ts';
import { currentPlatform, isIosSafari } from './platform.ts';

const DISMISSED_KEY = 'install-offer-dismissed';

/** The browser's install offer, kept on window by the page's first script (src/install-capture.ts). */
function useKeptInstallPrompt() {
  return useSyncExternalStore(
    (changed) => {
      window.addEventListener('installpromptchange', changed);
      return () => window.removeEventListener('installpromptchange', changed);
    },
    () => window.installPrompt,
  );
}

function useInstallOffer() {
  const deferred = useKeptInstallPrompt();
  const [installed, setInstalled] = useState(false);
  const platform = currentPlatform();
  useEffect(() => {
    const onInstalled = () => setInstalled(true);
    window.addEventListener('appinstalled', onInstalled);
    return () => window.removeEventListener('appinstalled', onInstalled);
  }, []);
  const install = async () => {
    if (!deferred) return;
    await deferred.prompt();
    const { outcome } = await deferred.userChoice;
    if (outcome === 'accepted') setInstalled(true);
    // The browser's offer is good once; it comes again on a later load if still wanted.
    window.installPrompt = undefined;
    window.dispatchEvent(new Event('installpromptchange'));
  };
  const available = !installed && !platform.standalone && (deferred !== undefined || isIosSafari(platform));
  return { available, native: deferred !== undefined, install };
}

/**
 * "Installer l'application": the browser's own prompt where it offers one
 * (beforeinstallprompt, caught by the page's first script), a short guide
 * on iOS Safari, nothing elsewhere. `banner`: the offer in plain sight
 * under the header, once the person has shown interest (a second text
 * opened, or something of their own saved), until installed or put away.
 */
export function InstallPrompt({ banner = false }: { banner?: boolean }) {
  const { available, native, install } = useInstallOffer();
  const interested = useObservable(() => interest$, []);
  const [dismissed, setDismissed] = useState(() => readDismissed());
  const guide = useRef<HTMLDialogElement>(null);

  if (!available) return null;
  if (banner && (!interested || dismissed)) return null;
  const button = (
    <button
      type="button"
      className={banner ? 'button' : 'button secondary'}
      onClick={() => (native ? void install() : guide.current?.showModal())}
    >
      Installer l'application
    </button>
  );
  const iosGuide = !native && <IosGuide dialog={guide} />;
  if (!banner)
    return (
      <>
        {button}
        {iosGuide}
      </>
    );
  return (
    <section className="banner install-offer" aria-label="Installer l'application">
      <p>Installée, l'application s'ouvre depuis son icône, même sans réseau.</p>
      {button}
      <button
        type="button"
        className="button secondary"
        onClick={() => {
          writeDismissed();
          setDismissed(true);
        }}
      >
        Plus tard
      </button>
      {iosGuide}
    </section>
  );
}

function readDismissed(): boolean {
  try {
    return localStorage.getItem(DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

function writeDismissed(): void {
  try {
    localStorage.setItem(DISMISSED_KEY, '1');
  } catch {
    // not remembered: offered again on the next load
  }
}

function IosGuide({ dialog }: { dialog: RefObject<HTMLDialogElement | null> }) {
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="ios-guide-title">
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
