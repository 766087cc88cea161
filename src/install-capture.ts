/**
 * The page's first script (index.html loads it before the app): Chromium
 * fires `beforeinstallprompt` once per load, often before the app has
 * started, and an event nobody heard is lost. It is kept here, on window,
 * until the app offers installation (src/app/install/InstallPrompt.tsx).
 * No import: this must stay tiny and run at once.
 */
export interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

declare global {
  interface Window {
    /** The browser's install offer, kept for the app; undefined until it comes or once used. */
    installPrompt?: BeforeInstallPromptEvent;
  }
  interface WindowEventMap {
    beforeinstallprompt: BeforeInstallPromptEvent;
    /** Ours: the kept install offer changed (came, or was used). */
    installpromptchange: Event;
  }
}

window.addEventListener('beforeinstallprompt', (event) => {
  // The browser's mini-infobar would go by before the person knows the app; we offer it ourselves.
  event.preventDefault();
  window.installPrompt = event;
  window.dispatchEvent(new Event('installpromptchange'));
});
