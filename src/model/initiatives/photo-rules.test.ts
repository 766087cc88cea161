import { describe, expect, it } from 'vitest';
import { SHA256_PATTERN, initiativeSchema } from '../initiatives.ts';
import { PHOTO_MAX_BYTES, fitWithin, formatMegabytes, looksLikeImage, toHex } from './photo-rules.ts';
import { PHOTOS_MAX } from './validation.ts';

describe('fitWithin', () => {
  it('scales the long edge down to 2000 px, keeping the proportions', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 2000, height: 1500 });
    expect(fitWithin(3024, 4032)).toEqual({ width: 1500, height: 2000 });
    expect(fitWithin(2000, 2000)).toEqual({ width: 2000, height: 2000 });
    expect(fitWithin(6000, 1)).toEqual({ width: 2000, height: 1 });
  });

  it('never scales up', () => {
    expect(fitWithin(640, 480)).toEqual({ width: 640, height: 480 });
    expect(fitWithin(300, 200, 100)).toEqual({ width: 100, height: 67 });
  });
});

describe('looksLikeImage', () => {
  it('trusts the type, else the name', () => {
    expect(looksLikeImage('image/jpeg', 'x.pdf')).toBe(true);
    expect(looksLikeImage('image/heic', 'IMG_0001.HEIC')).toBe(true);
    expect(looksLikeImage('application/pdf', 'photo.jpg')).toBe(false);
    expect(looksLikeImage('', 'IMG_20261125.JPG')).toBe(true);
    expect(looksLikeImage('', 'notes.txt')).toBe(false);
  });
});

describe('toHex', () => {
  it('gives the SHA-256 the blob store expects', async () => {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode('abc'));
    const hex = toHex(digest);
    expect(hex).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(new RegExp(SHA256_PATTERN).test(hex)).toBe(true);
    expect(toHex(new Uint8Array([0, 15, 255]))).toBe('000fff');
  });
});

describe('limits', () => {
  it('agree with the initiative schema', () => {
    const photos = (initiativeSchema.properties as unknown as Record<string, any>).photos;
    expect(photos.items.properties.bytes.maximum).toBe(PHOTO_MAX_BYTES);
    expect(photos.maxItems).toBe(PHOTOS_MAX);
  });

  it('writes sizes in megabytes, rounded up', () => {
    expect(formatMegabytes(PHOTO_MAX_BYTES)).toBe('5 Mo');
    expect(formatMegabytes(PHOTO_MAX_BYTES + 1)).toBe('5,1 Mo');
    expect(formatMegabytes(5.3 * 1024 * 1024)).toBe('5,3 Mo');
  });
});
