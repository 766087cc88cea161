/**
 * Keeps what each screen shows (src/db/screen-snapshots.ts): once it has
 * stayed still for a second (in idle time), and when the user leaves it for
 * another screen of the app or leaves the page (hidden, closed). Only a
 * live screen is kept, never a waiting one.
 */
import { currentBuild, leadingMarkup, saveScreenSnapshot } from '../db/screen-snapshots.ts';

interface Location {
  pathname: string;
  search: string;
}

interface Router {
  state: { location: Location };
  subscribe(listener: (state: { location: Location }) => void): unknown;
}

/** How long a screen stays unchanged before it is kept. */
const SETTLED_MS = 1000;

/**
 * One snapshot per screen, whatever its query: a new initiative's form gets
 * a draft's id in its query at each visit.
 */
const pathOf = (location: Location) => location.pathname;

/**
 * The screen's markup without what was typed or chosen in it (a snapshot
 * shows a screen, not a draft), nor inline styles (the page's CSP refuses
 * them in markup; React sets them through the DOM).
 */
function withoutEntries(copy: HTMLElement): HTMLElement {
  for (const styled of copy.querySelectorAll('[style]')) styled.removeAttribute('style');
  for (const input of copy.querySelectorAll('input')) {
    if (['checkbox', 'radio'].includes(input.type)) input.removeAttribute('checked');
    else if (!['submit', 'button', 'reset', 'hidden'].includes(input.type)) input.removeAttribute('value');
  }
  for (const area of copy.querySelectorAll('textarea')) area.textContent = '';
  for (const option of copy.querySelectorAll('option')) option.removeAttribute('selected');
  return copy;
}

/** How far down a snapshot goes, in heights of the window: what a repeat visit shows before the live screen. */
const SNAPSHOT_SCREENS = 2;

/**
 * A copy of `main` without the elements that start below its first
 * SNAPSHOT_SCREENS windows: the browser styles, lays out and paints every
 * element of a snapshot before it shows any, so the markup no one sees
 * before the live screen arrives only delays the first frame.
 */
export function firstScreens(main: HTMLElement): HTMLElement {
  const copy = main.cloneNode(true) as HTMLElement;
  const limit = main.getBoundingClientRect().top + window.innerHeight * SNAPSHOT_SCREENS;
  // The live tree and its copy side by side; what is dropped is not looked into (a long kit has thousands of elements).
  const prune = (live: Element, copied: Element) => {
    const kept = [...copied.children];
    [...live.children].forEach((child, i) => {
      if (child.getBoundingClientRect().top > limit) kept[i]!.remove();
      else prune(child, kept[i]!);
    });
  };
  prune(main, copy);
  return copy;
}

export function keepScreenSnapshots(router: Router): void {
  const build = currentBuild();
  let shown = pathOf(router.state.location);
  const save = (path: string) => {
    const main = document.getElementById('contenu');
    if (!main || main.querySelector('[data-snapshot], [data-waiting]')) return;
    saveScreenSnapshot(path, build, leadingMarkup(withoutEntries(firstScreens(main))));
  };
  // Called when the location changes, before React draws the next screen: the DOM still shows this one.
  router.subscribe((state) => {
    const next = pathOf(state.location);
    if (next === shown) return;
    save(shown);
    shown = next;
  });
  let settling: ReturnType<typeof setTimeout> | undefined;
  const idle = (run: () => void) =>
    'requestIdleCallback' in window ? requestIdleCallback(run, { timeout: 2000 }) : setTimeout(run);
  new MutationObserver(() => {
    clearTimeout(settling);
    settling = setTimeout(() => idle(() => save(shown)), SETTLED_MS);
  }).observe(document.getElementById('root') ?? document.body, { childList: true, subtree: true, characterData: true });
  window.addEventListener('pagehide', () => save(shown));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') save(shown);
  });
}
