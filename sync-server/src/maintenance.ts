import type { Accounts } from './accounts/accounts.ts';
import type { AttemptStore } from './accounts/store.ts';
import type { BlobBytes } from './blobs/bytes.ts';
import type { Store } from './store/store.ts';

export interface MaintenanceOptions {
  store: Store;
  attempts: AttemptStore;
  accounts: Accounts;
  files: BlobBytes;
  /** Unreferenced blobs are deleted once this old. */
  blobGraceMs: number;
  now?: () => number;
  log?: (message: string) => void;
}

/** Attempts older than this are past every rate limit's window. */
const ATTEMPTS_KEPT_MS = 24 * 60 * 60_000;

/**
 * The housekeeping of SYNC-PROTOCOL.md, Limits: expired tokens purged, old
 * rate-limit attempts dropped, and blobs that no document references
 * deleted after their grace period. Run at start and every hour; safe to
 * run from several processes at once.
 */
export async function runMaintenance(options: MaintenanceOptions): Promise<{ tokens: number; blobs: number }> {
  const now = (options.now ?? Date.now)();
  const tokens = await options.accounts.sessions.purgeIdleTokens();
  await options.attempts.purgeAttempts(now - ATTEMPTS_KEPT_MS);
  const collected = await options.store.collectBlobs(now - options.blobGraceMs);
  for (const sha256 of collected) {
    // Uploaded again since it was collected: the new record needs the file.
    if (!(await options.store.hasBlob(sha256))) await options.files.remove(sha256);
  }
  if (tokens > 0 || collected.length > 0) {
    options.log?.(`maintenance: ${tokens} expired token(s) purged, ${collected.length} unreferenced blob(s) deleted`);
  }
  return { tokens, blobs: collected.length };
}
