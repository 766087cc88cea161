import { describe, expect, it } from 'vitest';
import { detectImageType } from './image-type.ts';
import { blobRefsOf } from './refs.ts';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe('blobRefsOf', () => {
  it('lists the photos of an initiative, once each', () => {
    const doc = { photos: [{ sha256: A }, { sha256: B }, { sha256: A }], _deleted: false };
    expect(blobRefsOf('initiatives', doc)).toEqual([A, B]);
  });

  it('lists nothing for a tombstone or another collection', () => {
    expect(blobRefsOf('initiatives', { photos: [{ sha256: A }], _deleted: true })).toEqual([]);
    expect(blobRefsOf('annotations', { photos: [{ sha256: A }] })).toEqual([]);
    expect(blobRefsOf('initiatives', { photos: 'none' })).toEqual([]);
    expect(blobRefsOf('initiatives', null)).toEqual([]);
  });
});

describe('detectImageType', () => {
  const bytes = (...values: (number | string)[]) =>
    Buffer.concat(values.map((v) => (typeof v === 'string' ? Buffer.from(v, 'latin1') : Buffer.from([v]))));

  it('knows JPEG, PNG and WebP by their first bytes', () => {
    expect(detectImageType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(detectImageType(bytes(0x89, 'PNG\r\n\x1a\n'))).toBe('image/png');
    expect(detectImageType(bytes('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
  });

  it('refuses anything else, and truncated headers', () => {
    expect(detectImageType(bytes('GIF89a'))).toBeUndefined();
    expect(detectImageType(bytes('RIFF\0\0\0\0WAVEfmt '))).toBeUndefined();
    expect(detectImageType(bytes(0x89, 'PNG\r\n'))).toBeUndefined();
    expect(detectImageType(bytes(0xff, 0xd8))).toBeUndefined();
    expect(detectImageType(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
    expect(detectImageType(new Uint8Array())).toBeUndefined();
  });
});
