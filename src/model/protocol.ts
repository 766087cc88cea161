/**
 * The pieces of the client/server contract both sides build and read
 * (docs/sync-protocol.md): the pull checkpoint, a push row, the error body.
 */

/**
 * Where a pull resumes. Opaque to the client, which sends back what it was
 * given: the server's last sequence number and, for user collections, a
 * fingerprint of the groups it was made with (a pull with other groups
 * starts again). `null` before the first pull.
 */
export interface Checkpoint {
  seq: number;
  m?: string;
}

/** One row of a push: the document as the client last saw it on the server (absent for a new one), and as it is now. */
export interface PushRow<T = Record<string, unknown>> {
  assumedMasterState?: T;
  newDocumentState: T;
}

/** At most this many rows per push. */
export const PUSH_ROWS_MAX = 100;

/** Every refusal: `{"error": code, "message": French text}`, plus fields a route adds (the row and path of an invalid document). */
export interface ErrorBody {
  error: string;
  message: string;
  [extra: string]: unknown;
}

/** The error body of an answer, whatever came: missing fields get `fallbackCode` and « HTTP status ». */
export function readErrorBody(payload: unknown, status: number, fallbackCode = 'http_error'): ErrorBody {
  const fields = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<string, unknown>;
  return {
    ...fields,
    error: typeof fields.error === 'string' ? fields.error : fallbackCode,
    message: typeof fields.message === 'string' ? fields.message : `HTTP ${status}`,
  };
}
