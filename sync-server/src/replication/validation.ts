import { Ajv, type ValidateFunction } from 'ajv';
import { COLLECTION_RULES } from '../../../src/model/collection-rules.ts';
import { COLLECTIONS } from '../../../src/model/collections.ts';
import { PUSH_ROWS_MAX, type PushRow } from '../../../src/model/protocol.ts';
import { ApiError } from '../errors.ts';

const ajv = new Ajv({ allErrors: false, strict: false });

/** The collection's schema, as the client uses it, plus the `_deleted` every replicated document carries. */
const validators = new Map<string, ValidateFunction>(
  COLLECTIONS.filter((c) => c.kind !== 'library').map((c) => {
    const schema = c.schema as { properties: object; required: readonly string[] };
    return [
      c.name,
      ajv.compile({
        ...schema,
        properties: { ...schema.properties, _deleted: { type: 'boolean' } },
        required: [...schema.required, '_deleted'],
      }),
    ];
  }),
);

export type PushRowInput = PushRow;

/** Checks the batch's shape and every document; throws for the first invalid row, naming it. */
export function validatePushBatch(collection: string, body: unknown): PushRowInput[] {
  if (!Array.isArray(body)) throw new ApiError(400, 'invalid_input', 'Une liste de lignes est attendue.');
  if (body.length > PUSH_ROWS_MAX) throw new ApiError(413, 'too_large', `Au plus ${PUSH_ROWS_MAX} lignes par envoi.`);
  const validate = validators.get(collection)!;
  const rule = COLLECTION_RULES[collection];
  body.forEach((row: unknown, index) => {
    const { newDocumentState, assumedMasterState } = (row ?? {}) as Record<string, unknown>;
    const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
    if (!isObject(newDocumentState) || (assumedMasterState !== undefined && !isObject(assumedMasterState))) {
      throw invalid(index, '', 'chaque ligne a un newDocumentState (et peut avoir un assumedMasterState)');
    }
    if (!validate(newDocumentState)) {
      const error = validate.errors![0]!;
      throw invalid(index, error.instancePath, error.message ?? 'invalide');
    }
    const problem = rule?.(newDocumentState as Record<string, unknown>);
    if (problem) throw invalid(index, problem.path, problem.message);
  });
  return body as PushRowInput[];
}

function invalid(row: number, path: string, reason: string): ApiError {
  const message = `Ligne ${row} : ${path || 'document'} ${reason.replace(/\.$/, '')}. Rien n'a été écrit.`;
  return new ApiError(400, 'invalid_document', message, { row, path });
}
