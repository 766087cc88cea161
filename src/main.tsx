import './ui/styles.css';
import './ui/reflow.css';
import './ui/dark.css';
import { currentBuild, readScreenSnapshot } from './db/screen-snapshots.ts';

/**
 * A repeat visit paints the screen's last markup on this device at once,
 * inert and hidden from assistive technologies (a picture of the screen,
 * not the screen), in the shell's <main>; ui/PagePreview.tsx keeps it
 * there until the live screen replaces it. The server's own preview of a
 * text, when the page came from the network, comes first.
 */
function paintScreenSnapshot(): void {
  const main = document.querySelector('#root main');
  if (!main || main.querySelector('[data-preview]')) return;
  const path = window.location.pathname;
  const html = readScreenSnapshot(path, currentBuild());
  if (!html) return;
  const snapshot = document.createElement('div');
  snapshot.dataset.snapshot = path;
  snapshot.inert = true;
  snapshot.setAttribute('aria-busy', 'true');
  snapshot.setAttribute('aria-hidden', 'true');
  snapshot.innerHTML = html;
  main.replaceChildren(snapshot);
}
paintScreenSnapshot();

/**
 * The static shell of index.html is painted first; the app's code runs
 * after that frame. Otherwise, when the scripts arrive quickly, the browser
 * runs them before painting anything, and the first paint waits for them.
 * In a hidden tab (no frames), it starts after a short delay instead.
 */
const painted = new Promise<void>((resolve) => {
  requestAnimationFrame(() => setTimeout(resolve));
  setTimeout(resolve, 200);
});
void painted.then(() => import('./boot.tsx'));
