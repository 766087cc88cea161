/** Fresh identifiers for the user's documents and their revisions. */

export function newRev(): string {
  return `${Date.now().toString(36)}-${crypto.randomUUID().slice(0, 8)}`;
}

export function newId(): string {
  return crypto.randomUUID().replace(/-/g, '');
}
