import type { Initiative } from './initiatives.ts';
import { storedInitiativeProblem } from './initiatives/validation.ts';

/** A rule of a collection beyond its JSON schema: the first thing wrong with a document, or undefined. */
export type DocumentRule = (document: Record<string, unknown>) => { path: string; message: string } | undefined;

/**
 * The rules the server runs on every pushed document after its schema, by
 * collection: the same checks the client's forms run before recording. Kept
 * apart from collections.ts so that the app's first screen does not load
 * them (the forms load them with their screens).
 */
export const COLLECTION_RULES: Readonly<Record<string, DocumentRule>> = {
  initiatives: (document) => storedInitiativeProblem(document as unknown as Initiative),
};
