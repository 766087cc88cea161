import './ui/styles.css';
import './ui/reflow.css';
import './ui/dark.css';

/*
 * A repeat visit's screen (its last markup on this device) is already painted
 * by public/paint-snapshot.js, a plain script that runs as the page is parsed.
 */

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
