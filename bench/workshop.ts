/**
 * A workshop through the server: 30 participants without an account (guests
 * joined by the workshop's code) each post 10 contributions, one request per
 * contribution as a phone sends them, all at once; the projector (the
 * facilitator's device, a member of the group) follows the group's event
 * stream. Measured: from the moment a contribution is sent to the moment the
 * projector's stream delivers it (post → wall), p50 and p95.
 */
import { createParser } from 'eventsource-parser';
import { sampleWorkshop } from '../src/model/workshops/fixtures.ts';
import { guestIdOf, newGuestToken } from '../src/model/workshops/guest.ts';
import { Api } from './sync/api.ts';
import { startSyncServer } from './sync/server.ts';

const PORT = Number(process.env.BENCH_WORKSHOP_PORT ?? 8094);
export const PARTICIPANTS = 30;
export const CONTRIBUTIONS_EACH = 10;
export const WALL_BUDGET_P95_MS = 1000;

export interface WorkshopResults {
  participants: number;
  contributions: number;
  received: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  totalMs: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;

export async function measureWorkshop(): Promise<WorkshopResults> {
  const server = await startSyncServer(PORT);
  try {
    const api = new Api(server.base);
    const facilitator = await api.register('Animatrice');
    const group = await api.call<{ id: string }>('/workspaces', {
      token: facilitator.token,
      body: { name: 'Atelier du banc' },
      expect: 201,
    });
    const workshop = sampleWorkshop({ ownerId: facilitator.user.id, workspaceId: group.id });
    delete workshop.authorName;
    await api.call('/replication/workshops/push', {
      token: facilitator.token,
      body: [{ newDocumentState: { ...workshop, _deleted: false } }],
    });

    // The projector: the group's stream, as the facilitator's browser holds it.
    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    const total = PARTICIPANTS * CONTRIBUTIONS_EACH;
    let allReceived: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (allReceived = resolve));
    const abort = new AbortController();
    const stream = await fetch(`${server.base}/api/v1/replication/stream?collections=workshops,contributions`, {
      headers: { authorization: `Bearer ${facilitator.token}`, accept: 'text/event-stream' },
      signal: abort.signal,
    });
    const parser = createParser({
      onEvent(event) {
        const at = performance.now();
        const message = JSON.parse(event.data) as { collection?: string; documents?: { id: string }[] };
        if (message.collection !== 'contributions') return;
        for (const doc of message.documents ?? []) {
          const sent = sentAt.get(doc.id);
          if (sent === undefined) continue;
          sentAt.delete(doc.id);
          latencies.push(at - sent);
          if (latencies.length === total) allReceived();
        }
      },
    });
    void (async () => {
      const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done: ended } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (ended) break;
        parser.feed(value!);
      }
    })();

    // The room: guests join by code, then post, each at their own pace.
    const guests = await Promise.all(
      Array.from({ length: PARTICIPANTS }, async () => {
        const token = newGuestToken();
        await api.call('/workshops/join', { body: { code: workshop.code, guestToken: token } });
        return { token, guestId: await guestIdOf(token) };
      }),
    );
    const started = performance.now();
    await Promise.all(
      guests.map(async (guest, g) => {
        for (let i = 0; i < CONTRIBUTIONS_EACH; i++) {
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 100));
          const id = `banc-${g}-${i}`;
          const now = new Date().toISOString();
          const doc = {
            id,
            ownerId: guest.guestId,
            workspaceId: group.id,
            rev: '1-banc',
            createdAt: now,
            updatedAt: now,
            workshopId: workshop.id,
            kind: 'idee',
            stepId: workshop.steps[0]!.id,
            text: `Idée ${i + 1} du participant ${g + 1} : un covoiturage vers le marché du samedi`,
            _deleted: false,
          };
          sentAt.set(id, performance.now());
          const response = await fetch(
            `${server.base}/api/v1/workshops/${workshop.id}/replication/contributions/push`,
            {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Guest ${guest.token}` },
              body: JSON.stringify([{ newDocumentState: doc }]),
            },
          );
          if (!response.ok) throw new Error(`push: HTTP ${response.status} ${await response.text()}`);
        }
      }),
    );
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 30_000))]);
    abort.abort();
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      participants: PARTICIPANTS,
      contributions: total,
      received: latencies.length,
      p50Ms: Math.round(percentile(sorted, 0.5)),
      p95Ms: Math.round(percentile(sorted, 0.95)),
      maxMs: Math.round(sorted.at(-1) ?? 0),
      totalMs: Math.round(performance.now() - started),
    };
  } finally {
    await server.stop();
  }
}

export function describeWorkshop(r: WorkshopResults): string {
  return `Atelier, ${r.participants} participants invités × ${r.contributions / r.participants} contributions par le serveur → mur du projecteur : ${r.received}/${r.contributions} reçues, médiane ${r.p50Ms} ms, p95 ${r.p95Ms} ms, max ${r.maxMs} ms en ${r.totalMs} ms (objectif p95 ≤ ${WALL_BUDGET_P95_MS} ms${r.received === r.contributions && r.p95Ms <= WALL_BUDGET_P95_MS ? ', atteint' : ', NON atteint'})`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(describeWorkshop(await measureWorkshop()));
}
