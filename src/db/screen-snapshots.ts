/**
 * The last markup each screen showed on this device, kept in localStorage
 * (read synchronously, before any other code): a repeat visit paints it at
 * once, inert, while the app's code and its database open, and the live
 * screen then takes its place. public/paint-snapshot.js reads this format:
 * a plain script (not a module) that index.html runs where it stands, as
 * the page is parsed, so the first frame can already show the screen,
 * before the app's code has loaded (kept short: it ships as written);
 * src/ui/PagePreview.tsx keeps the markup until the live screen replaces
 * it, and src/app/screen-snapshots.ts decides when to keep a screen.
 * User data is in it (annotations, initiatives): signing out and wiping
 * the device's private data forgets every snapshot.
 */
const PREFIX = 'ecran:';
const INDEX = 'ecrans';
/** Screens kept, most recent first. */
export const MAX_SNAPSHOTS = 12;
/** Characters kept per screen: its first part, about a screenful or more. */
export const MAX_SNAPSHOT_CHARS = 24_000;

interface Stored {
  /** The build that drew it (its entry script): markup of another build is not shown. */
  build: string;
  html: string;
}

const storage = (): Storage | undefined => {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage refused (some private modes)
  }
};

function index(store: Storage): string[] {
  try {
    const list = JSON.parse(store.getItem(INDEX) ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}

/** Keeps `html` as what `path` shows; the least recently shown screens go beyond MAX_SNAPSHOTS. */
export function saveScreenSnapshot(path: string, build: string, html: string): void {
  const store = storage();
  if (!store) return;
  const paths = [path, ...index(store).filter((p) => p !== path)];
  try {
    for (const old of paths.splice(MAX_SNAPSHOTS)) store.removeItem(PREFIX + old);
    store.setItem(PREFIX + path, JSON.stringify({ build, html } satisfies Stored));
    store.setItem(INDEX, JSON.stringify(paths));
  } catch {
    // Storage full: the next visit shows the screen without a snapshot.
    forgetScreenSnapshots();
  }
}

/** Forgets every snapshot (signing out, wiping the device's private data). */
export function forgetScreenSnapshots(): void {
  const store = storage();
  if (!store) return;
  for (const path of index(store)) store.removeItem(PREFIX + path);
  store.removeItem(INDEX);
}

const TEXT_NODE = 3;
const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** What identifies this build: its entry script's hashed URL. */
export function currentBuild(): string {
  return document.querySelector<HTMLScriptElement>('script[type="module"][src]')?.src ?? '';
}

/**
 * The first part of `element`'s content as markup, at most `maxChars` long:
 * whole children while they fit, then the first part of the next one.
 */
export function leadingMarkup(element: Element, maxChars = MAX_SNAPSHOT_CHARS): string {
  let html = '';
  for (const child of Array.from(element.childNodes)) {
    const whole =
      child instanceof Element
        ? child.outerHTML
        : child.nodeType === TEXT_NODE
          ? escapeText(child.textContent ?? '')
          : '';
    if (html.length + whole.length <= maxChars) {
      html += whole;
      continue;
    }
    if (child instanceof Element && child.childNodes.length > 0) {
      const shell = (child.cloneNode(false) as Element).outerHTML;
      const close = shell.lastIndexOf('</');
      const open = shell.slice(0, close);
      const inner = leadingMarkup(child, maxChars - html.length - shell.length);
      if (inner) html += open + inner + shell.slice(close);
    }
    break;
  }
  return html;
}
