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
}
