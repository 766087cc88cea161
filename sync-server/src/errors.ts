import type { ErrorBody } from '../../src/model/protocol.ts';

/** An error the API reports as `{"error": code, "message": text}` with an HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    /** Extra fields of the error body (the protocol allows adding fields). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  /** The body the client reads (src/model/protocol.ts). */
  body(): ErrorBody {
    return { ...this.details, error: this.code, message: this.message };
  }
}

/** Error codes of a store that cannot write now: full disk, read-only folder or file, failing device. */
const STORAGE_FAILURES = /^(SQLITE_(FULL|READONLY|IOERR|CANTOPEN)|ENOSPC|EROFS|EDQUOT|EIO|53100|25006)/;

/**
 * True when an error says the storage cannot write (rather than a bug): the
 * request gets 503 `unavailable` (retry later, nothing was written) and
 * `/health` says so too.
 */
export function isStorageFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && STORAGE_FAILURES.test(code);
}
