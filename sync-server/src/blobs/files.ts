import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BlobBytes } from './bytes.ts';

const TEMP_MAX_AGE_MS = 60 * 60_000;
/** What the health probe writes: enough to need a free block of a full disk. */
const PROBE_BYTES = new Uint8Array(64 * 1024);

async function syncDir(path: string): Promise<void> {
  const dir = await open(path, 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

/**
 * Blob bytes on disk, addressed by content: `<dir>/ab/abcdef…` for the hash
 * `abcdef…`. A blob is written to `<dir>/tmp/` first, flushed, then renamed
 * into place, so a crash never leaves a half-written blob under its hash.
 */
export class BlobFiles implements BlobBytes {
  private readonly tmpDir: string;

  constructor(private readonly dir: string) {
    this.tmpDir = join(dir, 'tmp');
    mkdirSync(this.tmpDir, { recursive: true });
    this.removeStaleTempFiles();
  }

  /** `sha256` must be 64 lowercase hex digits (checked by the caller). */
  pathOf(sha256: string): string {
    return join(this.dir, sha256.slice(0, 2), sha256);
  }

  async has(sha256: string): Promise<boolean> {
    const info = await stat(this.pathOf(sha256)).catch(() => undefined);
    return info?.isFile() ?? false;
  }

  /** The bytes, or undefined when the file is missing. */
  async read(sha256: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.pathOf(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Stores bytes already checked to hash to `sha256`. Writing the same blob twice is harmless. */
  async write(sha256: string, bytes: Uint8Array): Promise<void> {
    const temp = join(this.tmpDir, `${sha256}.${randomBytes(8).toString('hex')}`);
    try {
      const file = await open(temp, 'wx');
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      const shard = join(this.dir, sha256.slice(0, 2));
      if (await mkdir(shard, { recursive: true })) await syncDir(this.dir);
      await rename(temp, this.pathOf(sha256));
      // The rename is durable once the folder that now names the file is flushed too.
      await syncDir(shard);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  /** Deletes a blob's file (collected: nothing references it any more). */
  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  /** Writes, flushes and deletes a small file: throws when the folder cannot take a write now. */
  async probe(): Promise<void> {
    const temp = join(this.tmpDir, `health.${randomBytes(8).toString('hex')}`);
    try {
      const file = await open(temp, 'wx');
      try {
        await file.writeFile(PROBE_BYTES);
        await file.sync();
      } finally {
        await file.close();
      }
    } finally {
      await rm(temp, { force: true });
    }
  }

  /** Leftovers of writes interrupted by a crash (old enough not to be another process's write in progress). */
  private removeStaleTempFiles(): void {
    const now = Date.now();
    for (const name of readdirSync(this.tmpDir)) {
      const path = join(this.tmpDir, name);
      try {
        if (now - statSync(path).mtimeMs > TEMP_MAX_AGE_MS) rmSync(path, { force: true });
      } catch {
        // Gone already.
      }
    }
  }
}
