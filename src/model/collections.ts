import { annotationSchema } from './annotations.ts';
import { feedbackMigrationStrategies, feedbackSchema } from './feedback.ts';
import { initiativeMigrationStrategies, initiativeSchema } from './initiatives.ts';
import { contributionSchema } from './workshops/contribution.ts';
import { workshopSchema } from './workshops/workshop.ts';
import {
  glossaryTermSchema,
  needSchema,
  resourceMigrationStrategies,
  resourceSchema,
  webinarMigrationStrategies,
  webinarSchema,
} from './library.ts';

export type CollectionKind = 'library' | 'user' | 'inbox';

export interface CollectionDefinition {
  name: string;
  kind: CollectionKind;
  schema: { version: number; [key: string]: unknown };
  /** For a schema above version 0: how each older version's documents become the next one's. */
  migrationStrategies?: Record<number, (doc: never) => unknown>;
}

/**
 * Every replicated collection, in one place: the client creates them from
 * this list and the server validates against the same schemas. Adding a
 * collection is a schema plus one line here.
 */
export const COLLECTIONS = [
  { name: 'needs', kind: 'library', schema: needSchema },
  { name: 'resources', kind: 'library', schema: resourceSchema, migrationStrategies: resourceMigrationStrategies },
  { name: 'webinars', kind: 'library', schema: webinarSchema, migrationStrategies: webinarMigrationStrategies },
  { name: 'glossary', kind: 'library', schema: glossaryTermSchema },
  { name: 'annotations', kind: 'user', schema: annotationSchema },
  {
    name: 'initiatives',
    kind: 'user',
    schema: initiativeSchema,
    migrationStrategies: initiativeMigrationStrategies,
  },
  { name: 'workshops', kind: 'user', schema: workshopSchema },
  { name: 'contributions', kind: 'user', schema: contributionSchema },
  { name: 'feedback', kind: 'inbox', schema: feedbackSchema, migrationStrategies: feedbackMigrationStrategies },
] as const satisfies readonly CollectionDefinition[];

export type CollectionName = (typeof COLLECTIONS)[number]['name'];

export const LIBRARY_COLLECTIONS = COLLECTIONS.filter((c) => c.kind === 'library');
export const USER_COLLECTIONS = COLLECTIONS.filter((c) => c.kind === 'user');

export function findCollection(name: string): CollectionDefinition | undefined {
  return COLLECTIONS.find((c) => c.name === name);
}
