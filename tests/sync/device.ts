import { Worker } from 'node:worker_threads';
import type { Session } from '../../src/db/session.ts';

/** A simulated device in its own worker thread (see client.worker.ts). */
export class Device {
  private readonly worker: Worker;
  private next = 0;
  private readonly waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  constructor() {
    this.worker = new Worker(new URL('./bootstrap.mjs', import.meta.url), {
      workerData: { entry: new URL('./client.worker.ts', import.meta.url).href },
    });
    this.worker.on('message', ({ id, result, error }: { id: number; result?: unknown; error?: string }) => {
      const pending = this.waiting.get(id)!;
      this.waiting.delete(id);
      if (error) pending.reject(new Error(error));
      else pending.resolve(result);
    });
  }

  private send<T>(command: Record<string, unknown>): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, command });
    });
  }

  /** A new device database named `name`, signed in and replicating with the server at `baseUrl`. */
  open(session: Session, name: string, baseUrl: string) {
    return this.send({ type: 'open', session, name, baseUrl });
  }
  write(doc: Record<string, unknown>) {
    return this.send<Record<string, unknown>>({ type: 'write', doc });
  }
  edit(id: string, patch: Record<string, unknown>) {
    return this.send({ type: 'edit', id, patch });
  }
  online(value: boolean) {
    return this.send({ type: 'online', value });
  }
  loseNextPushResponse() {
    return this.send({ type: 'loseNextPushResponse' });
  }
  sync() {
    return this.send({ type: 'sync' });
  }
  /** Sets the note; returns the note it replaced. */
  setNote(id: string, note: string) {
    return this.send<string | null>({ type: 'setNote', id, note });
  }
  readAll() {
    return this.send<Record<string, unknown>[]>({ type: 'readAll' });
  }
  read(id: string) {
    return this.send<Record<string, unknown> | null>({ type: 'read', id });
  }
  pending() {
    return this.send<number>({ type: 'pending' });
  }
  refusals() {
    return this.send<{ id: string; code: string; message: string }[]>({ type: 'refusals' });
  }
  /** Stops the device's replication and removes its database; the worker can `open` another. */
  release() {
    return this.send({ type: 'release' });
  }
  async close() {
    await this.release().catch(() => undefined);
    await this.worker.terminate();
  }
}
