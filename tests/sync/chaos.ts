/**
 * A seeded chaos run: several real RxDB clients (worker threads, see
 * device.ts) of one account against the real server as its own process,
 * with offline spells, lost push responses, concurrent edits of the same
 * field and `kill -9` of the server. Checked at the end:
 * - the devices converge, and hold what the server holds;
 * - no write is lost: every note ever written is the final note, one of the
 *   values kept in `conflicts`, or a value that a kept one was written over
 *   (on the device that wrote it, knowingly).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Session } from '../../src/db/session.ts';
import { Device } from './device.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export interface ChaosOptions {
  seed: number;
  port: number;
  devices?: number;
  steps?: number;
  /** At most this many `kill -9` of the server. */
  kills?: number;
}

export interface ChaosReport {
  seed: number;
  documents: number;
  writes: number;
  kills: number;
  offlineSpells: number;
  lostResponses: number;
  /** Losing values the merge kept in `conflicts`. */
  conflictsKept: number;
  /** Rounds of sync at the end before the devices agreed (at most MAX_FINAL_ROUNDS). */
  finalRounds: number;
  /** Empty when every invariant held. */
  failures: string[];
}

/** A small seeded generator (mulberry32): the same seed replays the same run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Server processes still running: killed when this process exits, so that none outlives a stopped run. */
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

class ServerProcess {
  private child: ChildProcess | undefined;
  readonly dataDir = mkdtempSync(join(tmpdir(), 'it-chaos-'));
  constructor(readonly port: number) {}

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    this.child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATA_DIR: this.dataDir,
        LIBRARY_DIR: join(ROOT, 'tests/fixtures/library'),
        STATIC_DIR: join(this.dataDir, 'no-app'),
        LOG: 'off',
        // One account per seed, all from this address: a long run registers far more than an hour's ten.
        REGISTRATIONS_PER_HOUR: '100000',
      },
      stdio: 'ignore',
    });
    const child = this.child;
    running.add(child);
    child.once('exit', () => running.delete(child));
    const deadline = Date.now() + 60_000;
    for (;;) {
      // Exited at once (the port is taken?): the health check would ask another server.
      if (child.exitCode !== null) throw new Error(`chaos: the server exited at start (code ${child.exitCode})`);
      const ok = await fetch(`${this.url}/api/v1/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      if (Date.now() > deadline) throw new Error('chaos: the server did not start');
      await new Promise((done) => setTimeout(done, 100));
    }
  }

  /** `kill -9`: no shutdown, no flush beyond what was acknowledged. */
  async kill(): Promise<void> {
    const child = this.child!;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child && this.running) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/**
 * The server process and the device workers, kept from one seed to the
 * next by a long run (chaos-run.ts): starting them is most of a seed's
 * cost. Each seed still has its own account and fresh device databases,
 * and its own kills of the server.
 */
export class ChaosRig {
  readonly server: ServerProcess;
  readonly devices: Device[];

  constructor(port: number, devices = 3) {
    this.server = new ServerProcess(port);
    this.devices = Array.from({ length: devices }, () => new Device());
  }

  async close(): Promise<void> {
    await Promise.all(this.devices.map((d) => d.close()));
    await this.server.stop();
  }
}

const NOW = '2026-11-25T10:00:00.000Z';
const MAX_FINAL_ROUNDS = 10;

/** One seed; on `rig` when given (left open for the next seed), else on a rig of its own. */
export async function runChaos(options: ChaosOptions, rig?: ChaosRig): Promise<ChaosReport> {
  const next = random(options.seed);
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]!;
  const own = rig ? undefined : new ChaosRig(options.port, options.devices);
  const { server, devices } = (rig ?? own)!;
  const report: ChaosReport = {
    seed: options.seed,
    documents: 0,
    writes: 0,
    kills: 0,
    offlineSpells: 0,
    lostResponses: 0,
    conflictsKept: 0,
    finalRounds: 0,
    failures: [],
  };
  try {
    if (!server.running) await server.start();
    const response = await fetch(`${server.url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: `chaos-${options.seed}@exemple.fr`,
        password: 'un-long-mot-de-passe',
        displayName: 'Chaos',
      }),
    });
    if (response.status !== 201)
      throw new Error(`chaos: registration refused (${response.status} ${await response.text()})`);
    const session = (await response.json()) as Session;
    for (const [i, device] of devices.entries()) await device.open(session, `chaos-${options.seed}-${i}`, server.url);
    const online = devices.map(() => true);
    const ids: string[] = [];
    /** Every note written, and the note it was written over on its device. */
    const writtenOver = new Map<string, string | null>();
    /** Where each note was written (for the report of a lost one). */
    const writtenWhere = new Map<string, string>();
    const create = async (device: Device, step: number) => {
      const note = `créée ${options.seed}-${step}`;
      const doc = await device.write({
        id: `c${options.seed}-${step}`,
        ownerId: session.user.id,
        workspaceId: null,
        createdAt: NOW,
        updatedAt: NOW,
        resourceId: 'kit-essai',
        target: { blockId: 'etapes' },
        color: 'jaune',
        note,
      });
      ids.push(doc.id as string);
      writtenOver.set(note, null);
      report.documents += 1;
    };
    await create(devices[0]!, 0);
    await devices[0]!.sync();
    for (const device of devices.slice(1)) await device.sync();

    const steps = options.steps ?? 30;
    for (let step = 1; step <= steps; step++) {
      if (step === Math.ceil(steps / 2)) {
        // Whatever the dice said: one kill -9 of the server, and two devices editing the same note offline.
        if (report.kills === 0 && (options.kills ?? 1) > 0) {
          await server.kill();
          report.kills += 1;
          await server.start();
        }
        for (const i of [0, 1]) {
          await devices[i]!.online(false);
          const note = `note ${options.seed}-${step}-hors-ligne-${i}`;
          writtenOver.set(note, await devices[i]!.setNote(ids[0]!, note));
          writtenWhere.set(note, `${ids[0]} on device ${i} (offline)`);
          report.writes += 1;
        }
        for (const i of [0, 1]) {
          await devices[i]!.online(true);
          online[i] = true;
          await devices[i]!.sync();
        }
      }
      const index = Math.floor(next() * devices.length);
      const device = devices[index]!;
      const roll = next();
      if (roll < 0.4) {
        // Concurrent edits of the same field: several devices pick among few documents.
        const id = pick(ids);
        const note = `note ${options.seed}-${step}-appareil-${index}`;
        const held = await device.readAll();
        if (!held.some((d) => d.id === id)) continue; // not on this device yet
        writtenOver.set(note, await device.setNote(id, note));
        writtenWhere.set(note, `${id} on device ${index}${online[index] ? '' : ' (offline)'}`);
        report.writes += 1;
      } else if (roll < 0.5) {
        await create(device, step);
      } else if (roll < 0.65) {
        online[index] = !online[index];
        if (!online[index]) report.offlineSpells += 1;
        await device.online(online[index]!);
      } else if (roll < 0.75) {
        await device.loseNextPushResponse();
        report.lostResponses += 1;
      } else if (roll < 0.93 || report.kills >= (options.kills ?? 1)) {
        if (online[index]) await device.sync();
      } else {
        await server.kill();
        report.kills += 1;
        await server.start();
      }
    }

    // The end: everyone online, rounds of sync until the devices agree and have nothing left to send.
    for (let i = 0; i < devices.length; i++) {
      if (!online[i]) await devices[i]!.online(true);
    }
    /**
     * Waited for, not counted: three rounds at least, then until the devices
     * agree; a device that still differs after ten rounds is a divergence,
     * not a slow one (`finalRounds` says how many it took).
     */
    let held: Record<string, unknown>[][] = [];
    for (report.finalRounds = 1; report.finalRounds <= MAX_FINAL_ROUNDS; report.finalRounds++) {
      for (const device of devices) await device.sync();
      if (report.finalRounds < 3) continue;
      held = await Promise.all(devices.map((d) => d.readAll()));
      const pending = await Promise.all(devices.map((d) => d.pending()));
      const agree = held.every((docs) => JSON.stringify(docs) === JSON.stringify(held[0]));
      if (agree && pending.every((n) => n === 0)) break;
    }
    report.finalRounds = Math.min(report.finalRounds, MAX_FINAL_ROUNDS);
    for (let i = 1; i < held.length; i++) {
      if (JSON.stringify(held[i]) !== JSON.stringify(held[0])) {
        const differing = [
          ...held[i]!.filter((doc) => JSON.stringify(doc) !== JSON.stringify(held[0]!.find((d) => d.id === doc.id))),
          ...held[0]!.filter((doc) => !held[i]!.some((d) => d.id === doc.id)).map((doc) => ({ id: doc.id })),
        ];
        const show = (doc: Record<string, unknown> | undefined) =>
          JSON.stringify(doc && { id: doc.id, rev: doc.rev, note: doc.note, conflicts: doc.conflicts });
        report.failures.push(
          `device ${i} differs from device 0: ${differing
            .map((doc) => `${show(doc)} vs ${show(held[0]!.find((d) => d.id === doc.id))}`)
            .join('; ')}`,
        );
      }
    }
    for (let i = 0; i < devices.length; i++) {
      const pending = await devices[i]!.pending();
      if (pending !== 0) report.failures.push(`device ${i} still has ${pending} unsent change(s)`);
    }
    const pulled = await fetch(`${server.url}/api/v1/replication/annotations/pull?limit=500`, {
      headers: { authorization: `Bearer ${session.token}` },
    }).then((r) => r.json() as Promise<{ documents: Record<string, unknown>[] }>);
    const onServer = new Map(pulled.documents.map((d) => [d.id as string, d]));
    for (const doc of held[0]!) {
      const stored = onServer.get(doc.id as string);
      if (!stored) report.failures.push(`${String(doc.id)} is on the devices, not on the server`);
      else if (stored.note !== doc.note) report.failures.push(`${String(doc.id)}: the server has another note`);
    }
    if (onServer.size !== held[0]!.length) report.failures.push('the server holds other documents');

    // No write lost: each note is kept, or was knowingly written over by a kept one.
    const kept = new Set<string>();
    for (const doc of held[0]!) {
      kept.add(doc.note as string);
      for (const conflict of (doc.conflicts as { field: string; value: unknown }[] | undefined) ?? []) {
        if (conflict.field !== 'note') continue;
        kept.add(String(conflict.value));
        report.conflictsKept += 1;
      }
    }
    const accounted = new Set<string>();
    for (const note of kept) {
      for (let at: string | null | undefined = note; at && !accounted.has(at); at = writtenOver.get(at)) {
        accounted.add(at);
      }
    }
    for (const note of writtenOver.keys()) {
      if (accounted.has(note)) continue;
      // What replay needs: where the note was written, over what, and what each side holds now.
      const where = writtenWhere.get(note) ?? 'created';
      const id = where.split(' ')[0]!;
      const finals = held.map((docs, i) => {
        const doc = docs.find((d) => d.id === id);
        return `device ${i}: ${JSON.stringify({ note: doc?.note, conflicts: doc?.conflicts })}`;
      });
      report.failures.push(
        `lost: « ${note} » (written in ${where} over « ${writtenOver.get(note)} »; server: « ${String(onServer.get(id)?.note)} »; ${finals.join('; ')})`,
      );
    }
    return report;
  } catch (error) {
    report.failures.push(`crashed: ${String((error as Error).stack ?? error)}`);
    return report;
  } finally {
    if (own) await own.close();
    else await Promise.all(devices.map((d) => d.release().catch(() => undefined)));
  }
}
