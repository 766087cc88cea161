/**
 * One thread of stream readers for the load bench (stream-readers.ts): it
 * opens its share of the streams and notes, for each stream and each write
 * `charge-<n>`, when its event arrived — nothing else, so that reading 25,000
 * events a second does not make the client the bottleneck of the figures.
 */
import { Agent, request, type ClientRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

interface Setup {
  base: string;
  path: string;
  tokens: string[];
  writes: number;
}

const { base, path, tokens, writes } = workerData.setup as Setup;
const url = new URL(path, base);
const agent = new Agent({ keepAlive: true, maxSockets: tokens.length + 10 });
const requests: ClientRequest[] = [];
/** Per stream: arrival time (ms since the epoch, sub-millisecond) of write n, NaN until it arrives. */
const arrivals: Float64Array[] = [];
let closedByServer = 0;
let closing = false;
const failures: Record<string, number> = {};
const now = () => performance.timeOrigin + performance.now();
const MARK = '"id":"charge-';

function openOne(token: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const arrived = new Float64Array(writes).fill(NaN);
    let connected = false;
    const req = request({
      host: url.hostname,
      port: url.port,
      path: `${url.pathname}${url.search}`,
      agent,
      headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` },
    });
    requests.push(req);
    const timer = setTimeout(() => req.destroy(Object.assign(new Error('open timeout'), { code: 'TIMEOUT' })), 30_000);
    req.on('error', (error) => {
      clearTimeout(timer);
      if (!connected) reject(error);
    });
    req.on('response', (res) => {
      if (res.statusCode !== 200) {
        clearTimeout(timer);
        res.resume();
        reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { code: `HTTP_${res.statusCode}` }));
        return;
      }
      res.setEncoding('utf8');
      // Only the tail that may hold a cut mark is kept between chunks.
      let carry = '';
      res.on('data', (chunk: string) => {
        const at = now();
        const text = carry + chunk;
        if (!connected && text.includes(': connect')) {
          connected = true;
          clearTimeout(timer);
          arrivals.push(arrived);
          resolve();
        }
        let from = 0;
        for (let i = text.indexOf(MARK, from); i >= 0; i = text.indexOf(MARK, from)) {
          const start = i + MARK.length;
          const end = text.indexOf('"', start);
          if (end < 0) break;
          const n = Number(text.slice(start, end));
          if (n >= 0 && n < writes && Number.isNaN(arrived[n]!)) arrived[n] = at;
          from = end;
        }
        carry = text.slice(Math.max(from, text.length - MARK.length - 12));
      });
      res.on('error', () => undefined);
      res.on('close', () => {
        if (connected && !closing) closedByServer += 1;
        if (!connected) {
          clearTimeout(timer);
          reject(Object.assign(new Error('closed before connecting'), { code: 'CLOSED' }));
        }
      });
    });
    req.end();
  });
}

const elu = { start: performance.eventLoopUtilization() };

type Message =
  | { type: 'open' }
  | { type: 'missing'; acked: Uint8Array }
  | { type: 'finish'; sentAt: Float64Array; acked: Uint8Array };

function missing(acked: Uint8Array): number {
  let count = 0;
  for (const arrived of arrivals) {
    for (let n = 0; n < writes; n++) if (acked[n] === 1 && Number.isNaN(arrived[n]!)) count += 1;
  }
  return count;
}

parentPort!.on('message', async (message: Message) => {
  if (message.type === 'missing') {
    parentPort!.postMessage({ type: 'missing', missing: missing(message.acked) });
    return;
  }
  if (message.type === 'open') {
    let next = 0;
    const opener = async () => {
      while (next < tokens.length) {
        const token = tokens[next++]!;
        await openOne(token).catch((error: NodeJS.ErrnoException) => {
          const code = error.code ?? error.message;
          failures[code] = (failures[code] ?? 0) + 1;
        });
      }
    };
    await Promise.all(Array.from({ length: Math.min(25, tokens.length) }, opener));
    elu.start = performance.eventLoopUtilization();
    parentPort!.postMessage({ type: 'opened', streams: arrivals.length, failures });
    return;
  }
  // The end: delays in a 1 ms histogram (up to 60 s), and the acknowledged writes a stream never got.
  const busy = performance.eventLoopUtilization(elu.start).utilization;
  const histogram = new Uint32Array(60_001);
  for (const arrived of arrivals) {
    for (let n = 0; n < writes; n++) {
      const at = arrived[n]!;
      if (message.acked[n] !== 1 || Number.isNaN(at)) continue;
      histogram[Math.min(60_000, Math.max(0, Math.round(at - message.sentAt[n]!)))]! += 1;
    }
  }
  const missed = missing(message.acked);
  closing = true;
  for (const req of requests) req.destroy();
  agent.destroy();
  parentPort!.postMessage({ type: 'finished', histogram, missed, closedByServer, busy });
});
