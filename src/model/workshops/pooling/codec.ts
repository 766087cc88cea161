/**
 * Pooling with no network: a participant's pending contributions and dots
 * become one or several QR codes (or a file), which the facilitator's device
 * reads in any order and pieces back together.
 *
 * A part is text made of QR alphanumeric characters only:
 *   « ITP1:2/3:<Base45 body> »
 * where the body is: the workshop's tag (CRC-32 of its id, 4 bytes), the
 * message's id (CRC-32 of the whole compressed message, 4 bytes), this
 * part's slice of the message, and a CRC-32 of all that and « 2/3 ». The
 * message is the pool as JSON, its documents packed by field (pack.ts),
 * compressed by zlib (fflate), whose Adler-32 checks the whole once
 * reassembled.
 */
import { unzlibSync, zlibSync } from 'fflate';
import { decodeBase45, encodeBase45 } from './base45.ts';
import { crc32 } from './crc32.ts';
import { type PackedDocuments, packDocuments, unpackDocuments } from './pack.ts';

/** What every pooled document has: the merge keeps one copy per id and rev. */
export interface PoolDocument {
  id: string;
  rev: string;
}

export interface Pool<C extends PoolDocument = PoolDocument, D extends PoolDocument = PoolDocument> {
  workshopId: string;
  contributions: C[];
  dots: D[];
}

export const PART_PREFIX = 'ITP1';
/**
 * Characters of one part: a QR code of version 25 at error correction L
 * (117 modules a side) holds 1,853 alphanumeric characters. Denser codes are
 * hard to read from a phone's screen; L is enough for a screen, which does
 * not get torn or stained like paper.
 */
export const MAX_PART_CHARS = 1840;
/** At most this many parts in a sequence (two digits on screen). */
export const MAX_PARTS = 99;

/** The message before compression. */
interface Wire {
  v: number;
  w: string;
  c: PackedDocuments;
  d: PackedDocuments;
}

const HEAD_BYTES = 8;
const CHECK_BYTES = 4;

export type PoolRefusal = 'not-a-pool' | 'newer-format' | 'corrupt' | 'other-workshop' | 'incomplete' | 'too-large';

const MESSAGES: Record<PoolRefusal, string> = {
  'not-a-pool': 'Ce QR code n’est pas un partage de contributions d’atelier.',
  'newer-format': 'Ce partage vient d’une version plus récente de l’application : mettez-la à jour sur cet appareil.',
  corrupt: 'Ce code a été mal lu ou est abîmé : rien n’a été ajouté. Scannez-le à nouveau.',
  'other-workshop': 'Ce partage vient d’un autre atelier : rien n’a été ajouté.',
  incomplete: 'Il manque des codes à ce partage : rien n’a été ajouté.',
  'too-large': 'Trop de contributions pour un seul partage : partagez-les plutôt par fichier.',
};

/** A part or a pool refused, with the reason in French for the person holding the device. */
export class PoolError extends Error {
  constructor(
    readonly reason: PoolRefusal,
    message = MESSAGES[reason],
  ) {
    super(message);
    this.name = 'PoolError';
  }
}

const utf8 = new TextEncoder();

function u32(view: DataView, offset: number, value: number) {
  view.setUint32(offset, value >>> 0);
}

/** The tag that tells a part of this workshop from one of another. */
export function workshopTag(workshopId: string): number {
  return crc32(utf8.encode(workshopId));
}

/** The pool compressed: what the parts carry, cut in slices. */
export function poolMessage(pool: Pool): Uint8Array {
  const wire: Wire = { v: 1, w: pool.workshopId, c: packDocuments(pool.contributions), d: packDocuments(pool.dots) };
  return zlibSync(utf8.encode(JSON.stringify(wire)), { level: 9 });
}

/** The pool as QR code texts: one, or a sequence balanced so that every code has about the same size. */
export function encodePool(pool: Pool, maxChars = MAX_PART_CHARS): string[] {
  const message = poolMessage(pool);
  const bodyBytes = Math.floor((maxChars - `${PART_PREFIX}:99/99:`.length) / 3) * 2;
  const room = bodyBytes - HEAD_BYTES - CHECK_BYTES;
  const total = Math.max(1, Math.ceil(message.length / room));
  if (total > MAX_PARTS) throw new PoolError('too-large');
  const size = Math.ceil(message.length / total);
  const tag = workshopTag(pool.workshopId);
  const messageId = crc32(message);
  return Array.from({ length: total }, (_, i) => {
    const slice = message.subarray(i * size, (i + 1) * size);
    const body = new Uint8Array(HEAD_BYTES + slice.length + CHECK_BYTES);
    const view = new DataView(body.buffer);
    u32(view, 0, tag);
    u32(view, 4, messageId);
    body.set(slice, HEAD_BYTES);
    const label = `${i + 1}/${total}`;
    u32(view, body.length - CHECK_BYTES, partCheck(label, body.subarray(0, body.length - CHECK_BYTES)));
    return `${PART_PREFIX}:${label}:${encodeBase45(body)}`;
  });
}

function partCheck(label: string, bytes: Uint8Array): number {
  const labelled = new Uint8Array(label.length + bytes.length);
  labelled.set(utf8.encode(label));
  labelled.set(bytes, label.length);
  return crc32(labelled);
}

export interface PoolPart {
  index: number;
  total: number;
  workshopTag: number;
  messageId: number;
  data: Uint8Array;
}

const PART = /^ITP(\d+):(\d{1,2})\/(\d{1,2}):([0-9A-Z $%*+\-./:]+)$/;

/** Reads one part; throws a PoolError saying why it is refused. */
export function readPart(text: string): PoolPart {
  const match = PART.exec(text);
  if (!match) throw new PoolError('not-a-pool');
  if (Number(match[1]) !== 1) throw new PoolError('newer-format');
  const index = Number(match[2]);
  const total = Number(match[3]);
  if (index < 1 || index > total) throw new PoolError('corrupt');
  let body: Uint8Array;
  try {
    body = decodeBase45(match[4]!);
  } catch {
    throw new PoolError('corrupt');
  }
  if (body.length < HEAD_BYTES + CHECK_BYTES) throw new PoolError('corrupt');
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const signed = body.subarray(0, body.length - CHECK_BYTES);
  if (view.getUint32(body.length - CHECK_BYTES) !== partCheck(`${index}/${total}`, signed)) {
    throw new PoolError('corrupt');
  }
  return {
    index,
    total,
    workshopTag: view.getUint32(0),
    messageId: view.getUint32(4),
    data: body.slice(HEAD_BYTES, body.length - CHECK_BYTES),
  };
}

function isDocumentList(value: unknown): value is PoolDocument[] {
  return (
    Array.isArray(value) &&
    value.every(
      (doc: unknown) =>
        typeof doc === 'object' &&
        doc !== null &&
        typeof (doc as PoolDocument).id === 'string' &&
        typeof (doc as PoolDocument).rev === 'string',
    )
  );
}

/**
 * The pool from all the parts of one message, given in any order. Checks
 * the whole (zlib's Adler-32) and the workshop. The documents' fields are
 * checked by the caller against the collections' schemas.
 */
export function assemblePool(parts: readonly PoolPart[], workshopId: string): Pool {
  const first = parts[0];
  if (!first) throw new PoolError('incomplete');
  if (parts.some((part) => part.workshopTag !== workshopTag(workshopId))) throw new PoolError('other-workshop');
  const byIndex = new Map(parts.filter((p) => p.messageId === first.messageId).map((p) => [p.index, p]));
  if (byIndex.size !== first.total) throw new PoolError('incomplete');
  const ordered = [...byIndex.values()].sort((a, b) => a.index - b.index);
  const message = new Uint8Array(ordered.reduce((n, p) => n + p.data.length, 0));
  let offset = 0;
  for (const part of ordered) {
    message.set(part.data, offset);
    offset += part.data.length;
  }
  let wire: Partial<Wire>;
  try {
    if (crc32(message) !== first.messageId) throw new Error('message id');
    wire = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(unzlibSync(message))) as Partial<Wire>;
  } catch {
    throw new PoolError('corrupt');
  }
  if (wire.v !== 1) throw new PoolError('newer-format');
  if (wire.w !== workshopId) throw new PoolError('other-workshop');
  let contributions: unknown, dots: unknown;
  try {
    contributions = unpackDocuments(wire.c!);
    dots = unpackDocuments(wire.d!);
  } catch {
    throw new PoolError('corrupt');
  }
  if (!isDocumentList(contributions) || !isDocumentList(dots)) throw new PoolError('corrupt');
  return { workshopId, contributions, dots };
}
