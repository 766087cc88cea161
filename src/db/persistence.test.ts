import { afterEach, expect, it, vi } from 'vitest';
import { askPersistenceOnce } from './persistence.ts';

afterEach(() => vi.unstubAllGlobals());

it('asks the browser to keep the data once, when it is not already kept', async () => {
  const persist = vi.fn(async () => true);
  vi.stubGlobal('navigator', { storage: { persisted: async () => false, persist } });
  askPersistenceOnce();
  askPersistenceOnce();
  await vi.waitFor(() => expect(persist).toHaveBeenCalledTimes(1));
});
