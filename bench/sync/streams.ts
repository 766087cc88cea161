/**
 * Many Server-Sent Events streams on one server process, read with node:http:
 * how many open, and how long a write takes to reach every one of them.
 */
import { Agent, request, type ClientRequest } from 'node:http';
import { performance } from 'node:perf_hooks';

const OPEN_TIMEOUT_MS = 20_000;
const OPEN_CONCURRENCY = 100;

export interface OpenedStreams {
  streams: EventStream[];
  /** Attempts that failed, by error code (EMFILE when the process runs out of file descriptors). */
  failures: Record<string, number>;
  openMs: number;
  close(): void;
}

export interface EventStream {
  /** Called with the arrival time (performance.now()) and the parsed data of every `data:` event. */
  onData?: (at: number, data: unknown) => void;
}

/** Opens `count` streams spread over `tokens`, at most OPEN_CONCURRENCY being set up at once. */
export async function openStreams(base: string, path: string, tokens: string[], count: number): Promise<OpenedStreams> {
  const url = new URL(path, base);
  const agent = new Agent({ keepAlive: true, maxSockets: count + 100 });
  const requests: ClientRequest[] = [];
  const streams: EventStream[] = [];
  const failures: Record<string, number> = {};
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      try {
        streams.push(await openOne(index));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        failures[code] = (failures[code] ?? 0) + 1;
      }
    }
  };

  const openOne = (index: number) =>
    new Promise<EventStream>((resolve, reject) => {
      const stream: EventStream = {};
      let connected = false;
      const req = request({
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        agent,
        headers: { accept: 'text/event-stream', authorization: `Bearer ${tokens[index % tokens.length]}` },
      });
      requests.push(req);
      const timer = setTimeout(() => {
        req.destroy(Object.assign(new Error('open timeout'), { code: 'TIMEOUT' }));
      }, OPEN_TIMEOUT_MS);
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
        let buffer = '';
        res.on('data', (chunk: string) => {
          const at = performance.now();
          buffer += chunk;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const event = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (event.startsWith(': connecté') && !connected) {
              connected = true;
              clearTimeout(timer);
              resolve(stream);
            } else if (event.startsWith('data: ')) {
              stream.onData?.(at, JSON.parse(event.slice(6)));
            }
          }
        });
        res.on('error', () => undefined);
        res.on('close', () => {
          if (!connected) {
            clearTimeout(timer);
            reject(Object.assign(new Error('closed before connecting'), { code: 'CLOSED' }));
          }
        });
      });
      req.end();
    });

  await Promise.all(Array.from({ length: Math.min(OPEN_CONCURRENCY, count) }, worker));
  return {
    streams,
    failures,
    openMs: performance.now() - started,
    close() {
      for (const req of requests) req.destroy();
      agent.destroy();
    },
  };
}

export interface FanOut {
  /** Streams the written document reached. */
  received: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

/**
 * Runs `write` and measures, for every stream, the time from the start of
 * the write until an event carrying document `id` arrives.
 */
export async function measureFanOut(
  streams: EventStream[],
  id: string,
  write: () => Promise<void>,
  timeoutMs: number,
): Promise<FanOut> {
  const arrivals: number[] = [];
  let started = 0;
  let allArrived: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allArrived = resolve));
  for (const stream of streams) {
    let seen = false;
    stream.onData = (at, data) => {
      const documents = (data as { documents?: { id: string }[] }).documents ?? [];
      if (seen || !documents.some((d) => d.id === id)) return;
      seen = true;
      arrivals.push(at - started);
      if (arrivals.length === streams.length) allArrived();
    };
  }
  started = performance.now();
  await write();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([done, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
  clearTimeout(timer);
  for (const stream of streams) stream.onData = undefined;
  const sorted = arrivals.sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { received: sorted.length, medianMs: at(0.5), p95Ms: at(0.95), maxMs: sorted.at(-1) ?? NaN };
}
