import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEEP_RETIRED_MS, retireAssets } from './keep-previous-assets.ts';

describe('retireAssets', () => {
  it('keeps the previous build’s files for a week after the deployment that replaced them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'assets-'));
    for (const name of ['kit-OLD.js', 'kit-NEW.js']) writeFileSync(join(dir, name), '');
    const deployedAt = 1_000_000;
    expect(retireAssets(dir, new Set(['kit-NEW.js']), deployedAt)).toEqual([]);
    expect(existsSync(join(dir, 'kit-OLD.js'))).toBe(true);
    // A later deployment within the week: still there (counted from when it was replaced).
    expect(retireAssets(dir, new Set(['kit-NEW.js']), deployedAt + KEEP_RETIRED_MS - 1)).toEqual([]);
    expect(retireAssets(dir, new Set(['kit-NEW.js']), deployedAt + KEEP_RETIRED_MS)).toEqual(['kit-OLD.js']);
    expect(existsSync(join(dir, 'kit-OLD.js'))).toBe(false);
    expect(existsSync(join(dir, 'kit-NEW.js'))).toBe(true);
  });
});
