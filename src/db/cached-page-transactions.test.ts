import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { guardTransactionsOfCachedPage, isWebKitEngine } from './cached-page-transactions.ts';

const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1';

class FakePage extends EventTarget {
  navigator = { userAgent: SAFARI_IPHONE };
  location = { reload: vi.fn() };
  leave(persisted: boolean) {
    this.dispatchEvent(Object.assign(new Event('pagehide'), { persisted }));
  }
  comeBack() {
    this.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
  }
}
const page = new FakePage();
guardTransactionsOfCachedPage(page as never);

function openStore(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(`cached-page-${Math.random()}`, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('notes');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** How a transaction ends: `complete` or `abort`. */
const outcome = (transaction: IDBTransaction) =>
  new Promise<string>((resolve) => {
    transaction.oncomplete = () => resolve('complete');
    transaction.onabort = () => resolve('abort');
  });

const count = (db: IDBDatabase) =>
  new Promise<number>((resolve) => {
    const request = db.transaction('notes').objectStore('notes').count();
    request.onsuccess = () => resolve(request.result);
  });

describe('the engines that keep a cached page with its transactions', () => {
  it('are WebKit ones: Safari, WebKitGTK, any browser on an iPhone; not Chromium nor Firefox', () => {
    expect(isWebKitEngine(SAFARI_IPHONE)).toBe(true);
    expect(
      isWebKitEngine(
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
      ),
    ).toBe(true);
    expect(
      isWebKitEngine(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/138.0.7204.156 Mobile/15E148 Safari/604.1',
      ),
    ).toBe(true);
    expect(
      isWebKitEngine(
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36',
      ),
    ).toBe(false);
    expect(
      isWebKitEngine(
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/150.0.0.0 Safari/537.36',
      ),
    ).toBe(false);
    expect(isWebKitEngine('Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0')).toBe(false);
  });
});

describe('transactions of a page kept in the back/forward cache', () => {
  it('are left alone when the page is discarded, and nothing reloads', async () => {
    const db = await openStore();
    const write = db.transaction('notes', 'readwrite');
    write.objectStore('notes').put('kept', 'a');
    page.leave(false);
    expect(await outcome(write)).toBe('complete');
    expect(await count(db)).toBe(1);
    page.comeBack();
    expect(page.location.reload).not.toHaveBeenCalled();
  });

  it('are aborted when the page enters the cache (nothing half-written), and the page reloads when it comes back', async () => {
    const db = await openStore();
    const write = db.transaction('notes', 'readwrite');
    write.objectStore('notes').put('in flight', 'a');
    const ended = outcome(write);
    page.leave(true);
    expect(await ended).toBe('abort');
    // Started after the page was hidden, before it is suspended: aborted too.
    const late = db.transaction('notes', 'readwrite');
    expect(await outcome(late)).toBe('abort');
    page.comeBack();
    expect(page.location.reload).toHaveBeenCalledOnce();
    // Back in use: transactions run again, and the store holds nothing of the aborted write.
    expect(await count(db)).toBe(0);
  });
});
