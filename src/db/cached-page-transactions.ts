/**
 * A page kept in the back/forward cache must not hold IndexedDB locks.
 *
 * WebKit (Safari, every iPhone) suspends a page it keeps in its
 * back/forward cache with its IndexedDB transactions as they are: a
 * transaction commits once the page has handled its last request, which a
 * suspended page never does. Its locks stay held, and every other page of
 * the app that writes to the same store waits behind it: the next page's
 * database never opens (RxDB writes its collections' records at opening),
 * and reloading does not help, since the cached page is still there.
 * Chromium and Firefox evict such a page instead (and a page of theirs
 * restored from the cache keeps working), so the guard is for WebKit only.
 *
 * So when the page is hidden for the cache (`pagehide` with `persisted`),
 * the transactions still running are aborted, and so is any started before
 * the page is suspended. An aborted transaction writes nothing (IndexedDB
 * transactions are atomic): what it carried is a library download (fetched
 * again) or a change whose saving the screen had not confirmed yet. The
 * page's database layer is then out of step with what it asked for, so a
 * page that comes back from the cache after such an abort reloads itself.
 */

interface Page {
  navigator: { userAgent: string };
  addEventListener(type: 'pagehide' | 'pageshow', listener: (event: PageTransitionEvent) => void): void;
  location: { reload(): void };
}

const running = new Set<IDBTransaction>();
let hidden = false;
let abortedWhileHidden = false;
let installed = false;

function abort(transaction: IDBTransaction): void {
  try {
    transaction.abort();
    abortedWhileHidden = true;
  } catch {
    // already finished
  }
}

/**
 * Whether the browser runs on WebKit: Safari, WebKitGTK, and every browser
 * on an iPhone or iPad (their engine is WebKit whatever their name). The
 * user agent is the only sign: the behaviour cannot be detected beforehand.
 */
export function isWebKitEngine(userAgent: string): boolean {
  if (/\b(CriOS|FxiOS|EdgiOS)\//.test(userAgent)) return true;
  return /AppleWebKit\//.test(userAgent) && !/(Chrome|Chromium|Edg|OPR)\//.test(userAgent);
}

/** Installs the guard once per page, before the first transaction (WebKit only). */
export function guardTransactionsOfCachedPage(
  page: Page | undefined = typeof window === 'undefined' ? undefined : window,
): void {
  if (installed || !page || typeof IDBDatabase === 'undefined' || !isWebKitEngine(page.navigator.userAgent)) return;
  installed = true;
  const open = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof open>) {
    const transaction = open.apply(this, args);
    if (hidden) {
      abort(transaction);
      return transaction;
    }
    running.add(transaction);
    const done = () => running.delete(transaction);
    transaction.addEventListener('complete', done);
    transaction.addEventListener('abort', done);
    return transaction;
  } as typeof open;
  page.addEventListener('pagehide', (event) => {
    if (!event.persisted) return;
    hidden = true;
    for (const transaction of running) abort(transaction);
    running.clear();
  });
  page.addEventListener('pageshow', (event) => {
    if (!event.persisted) return;
    hidden = false;
    if (!abortedWhileHidden) return;
    abortedWhileHidden = false;
    page.location.reload();
  });
}
