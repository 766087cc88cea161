import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PhotoStore, type NewPhoto } from './photo-store.ts';

let store: PhotoStore;
let count = 0;

beforeEach(async () => {
  store = await PhotoStore.open(`photo-store-test-${++count}`);
});
afterEach(() => store.close());

function photo(sha256: string, bytes = [1, 2, 3]): NewPhoto {
  return { sha256, type: 'image/jpeg', bytes: new Uint8Array(bytes).buffer, width: 4, height: 3 };
}

describe('the photo store', () => {
  it('keeps the bytes as an ArrayBuffer with their type, waiting to be sent', async () => {
    await store.put(photo('a'.repeat(64), [9, 8, 7, 6]));
    const stored = await store.get('a'.repeat(64));
    expect(stored).toMatchObject({ type: 'image/jpeg', size: 4, width: 4, height: 3, uploaded: false });
    expect(stored!.bytes).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(stored!.bytes)]).toEqual([9, 8, 7, 6]);
    expect(await store.get('b'.repeat(64))).toBeUndefined();
  });

  it('lists photos without their bytes', async () => {
    await store.put(photo('a'.repeat(64)));
    await store.put(photo('b'.repeat(64)), { uploaded: true });
    const list = await store.list();
    expect(list.map((p) => [p.sha256[0], p.uploaded])).toEqual([
      ['a', false],
      ['b', true],
    ]);
    expect(list.every((p) => !('bytes' in p))).toBe(true);
  });

  it('marks a photo sent, or refused for good with a reason', async () => {
    const [a, b] = ['a'.repeat(64), 'b'.repeat(64)];
    await store.put(photo(a));
    await store.put(photo(b));
    await store.markFailed(b, { status: 415, message: 'Pas une image.' });
    expect(await store.info(b)).toMatchObject({ uploaded: false, failure: { status: 415, message: 'Pas une image.' } });
    await store.markUploaded(a);
    expect(await store.info(a)).toMatchObject({ uploaded: true });
    expect((await store.info(a))!.failure).toBeUndefined();
  });

  it('storing a photo again never turns a sent photo back into one to send', async () => {
    const a = 'a'.repeat(64);
    await store.put(photo(a));
    await store.markUploaded(a);
    await store.put(photo(a));
    expect((await store.info(a))!.uploaded).toBe(true);
    // A photo fetched from the server that was waiting here is sent already.
    const b = 'b'.repeat(64);
    await store.put(photo(b));
    await store.put(photo(b), { uploaded: true });
    expect((await store.info(b))!.uploaded).toBe(true);
  });

  it('tells who listens which photo changed', async () => {
    const seen: string[] = [];
    const subscription = store.changes$.subscribe((sha256) => seen.push(sha256[0]!));
    await store.put(photo('a'.repeat(64)));
    await store.markUploaded('a'.repeat(64));
    await store.markUploaded('c'.repeat(64)); // not here: nothing changed
    await store.remove('a'.repeat(64));
    subscription.unsubscribe();
    expect(seen).toEqual(['a', 'a', 'a']);
  });

  it('removes the photos nothing references any more', async () => {
    for (const letter of 'abc') await store.put(photo(letter.repeat(64)));
    expect(await store.removeAllBut(new Set(['b'.repeat(64)]))).toBe(2);
    expect((await store.list()).map((p) => p.sha256[0])).toEqual(['b']);
    expect(await store.get('a'.repeat(64))).toBeUndefined();
  });

  it('keeps its photos when the page is opened again', async () => {
    await store.put(photo('a'.repeat(64), [5]));
    store.close();
    store = await PhotoStore.open(`photo-store-test-${count}`);
    expect([...new Uint8Array((await store.get('a'.repeat(64)))!.bytes)]).toEqual([5]);
  });
});
