import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { MEDIA_FILE_PATTERN, MEDIA_TYPES, type MediaFile } from '../../../src/model/library.ts';
import type { MediaRef } from './parse.ts';

const MAX_MEDIA_BYTES = 20 * 1024 * 1024;

/** Active content an SVG served from our origin must not carry. */
const UNSAFE_SVG =
  /<script|<foreignObject|\son[a-z]+\s*=|javascript:|<image|@import|(?:xlink:)?href\s*=\s*["']?\s*https?:/i;

export class MediaError extends Error {}

/** Reads a media file of the library: its size, hash and type; refuses what is unsafe to serve. */
export async function readMedia(libraryDir: string, ref: MediaRef): Promise<MediaFile> {
  if (!new RegExp(MEDIA_FILE_PATTERN).test(ref.file)) throw new MediaError(`nom de média invalide « ${ref.file} »`);
  const path = join(libraryDir, 'media', ref.file);
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw new MediaError(`média introuvable : media/${ref.file}`);
  if (info.size > MAX_MEDIA_BYTES) throw new MediaError(`média trop lourd (plus de 20 Mio) : media/${ref.file}`);
  const bytes = await readFile(path);
  const type = MEDIA_TYPES[extname(ref.file).slice(1)]!;
  if (type === 'image/svg+xml' && UNSAFE_SVG.test(bytes.toString('utf8'))) {
    throw new MediaError(`SVG refusé (script, événement ou ressource externe) : media/${ref.file}`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { file: ref.file, title: ref.title, type, bytes: bytes.length, sha256 };
}
