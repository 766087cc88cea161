/**
 * The main thread's long tasks (over 50 ms) during a first visit of a
 * screen, and what runs in them: a Chromium trace of a fresh load (empty
 * storage, 4× CPU throttling, the app's own server on BENCH_PORT) until the
 * library is on the device (« Prête hors ligne ») and 3 s more. For each
 * task: when it started, how long it took, and its JavaScript time by
 * package or source file (CPU samples; source files when the build has its
 * sourcemaps). Not part of `npm run bench`: a tool to find what to split.
 *
 *   npx vite build --sourcemap && BENCH_PORT=8450 npx tsx bench/long-tasks.ts /initiatives/nouvelle
 *
 * The samples give a function's first line, not the line running: a
 * chunk's top-level code (its modules' evaluation) shows as the first
 * source file of the chunk.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/chromium.ts';
import { DIST } from '../tests/build-size.ts';
import { startSyncServer } from './sync/server.ts';

const LONG_TASK_US = 50_000;
const CPU_THROTTLING = 4;
const SETTLE_MS = 3000;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}
interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  callFrame: CallFrame;
  parent?: number;
}

async function trace(url: string): Promise<TraceEvent[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING });
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e: { value: unknown[] }) => events.push(...(e.value as TraceEvent[])));
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'loading'];
    await cdp.send('Tracing.start', {
      categories: [...categories, 'disabled-by-default-v8.cpu_profiler'].join(','),
      transferMode: 'ReportEvents',
    });
    await page.goto(url);
    await page.waitForFunction(
      () => (document.querySelector('.status-bar')?.textContent ?? '').includes('Prête hors ligne'),
      undefined,
      { timeout: 180_000, polling: 500 },
    );
    await page.waitForTimeout(SETTLE_MS);
    await cdp.send('Tracing.end');
    await complete;
    return events;
  } finally {
    await browser.close();
  }
}

/** Where a profiled function comes from: a package, or a source file of the app when the chunk has its sourcemap. */
function sourceNamer(base: string) {
  const maps = new Map<string, TraceMap | null>();
  return (frame: CallFrame): string => {
    if (!frame.url) return frame.functionName || '(native)';
    const file = new URL(frame.url, base).pathname;
    if (!maps.has(file)) {
      const mapFile = join(DIST, `${file}.map`);
      maps.set(file, existsSync(mapFile) ? new TraceMap(readFileSync(mapFile, 'utf8')) : null);
    }
    const map = maps.get(file);
    const source = map
      ? (originalPositionFor(map, { line: frame.lineNumber + 1, column: frame.columnNumber }).source ?? file)
      : file;
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
    return pkg ? pkg[1]! : source.replace(/^(\.\.\/)+/, '');
  };
}

function report(events: TraceEvent[], base: string, path: string): void {
  const url = base + path;
  // The page's renderer main thread: the one that parsed the page.
  const parse = events.find(
    (e) => e.name === 'ParseHTML' && (e.args as { beginData?: { url?: string } })?.beginData?.url === url,
  );
  if (!parse) throw new Error(`no ParseHTML of ${url} in the trace`);
  const onMain = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid);
  const inPage = events.filter((e) => e.pid === parse.pid);
  const navigation = inPage.find(
    (e) => e.name === 'navigationStart' && (e.args?.data as { documentLoaderURL?: string })?.documentLoaderURL === url,
  );
  const start = navigation?.ts ?? parse.ts;
  const fcp = inPage.find((e) => e.name === 'firstContentfulPaint' && e.ts >= start)?.ts ?? start;
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur! > LONG_TASK_US && e.ts >= fcp);

  const nodes = new Map<number, ProfileNode>();
  const samples: { ts: number; node: number }[] = [];
  let sampleTs = 0;
  for (const e of inPage) {
    const data = e.args?.data as
      { startTime?: number; cpuProfile?: { nodes?: (ProfileNode & { id: number })[]; samples?: number[] } } | undefined;
    if (e.name === 'Profile') sampleTs = data?.startTime ?? sampleTs;
    if (e.name !== 'ProfileChunk') continue;
    for (const n of data?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const deltas = (e.args!.data as { timeDeltas?: number[] }).timeDeltas ?? [];
    (data?.cpuProfile?.samples ?? []).forEach((node, i) => samples.push({ ts: (sampleTs += deltas[i] ?? 0), node }));
  }
  const name = sourceNamer(base);
  const ms = (us: number) => `${Math.round(us / 1000)} ms`;
  const blocking = tasks.reduce((a, t) => a + t.dur! - LONG_TASK_US, 0);
  console.log(
    `${path}: ${tasks.length} tasks over 50 ms after the first contentful paint (${ms(fcp - start)}), ${ms(blocking)} over 50 ms in all (CPU ×${CPU_THROTTLING})`,
  );
  for (const task of tasks) {
    const inTask = samples.filter((s) => s.ts >= task.ts && s.ts < task.ts + task.dur!);
    const bySource = new Map<string, number>();
    for (const sample of inTask) {
      const node = nodes.get(sample.node);
      if (!node) continue;
      const key = name(node.callFrame);
      bySource.set(key, (bySource.get(key) ?? 0) + task.dur! / inTask.length);
    }
    const top = [...bySource.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6);
    console.log(
      `  at ${ms(task.ts - start)}: ${ms(task.dur!)} — ${top.map(([source, us]) => `${source} ${ms(us)}`).join(', ')}`,
    );
  }
}

const port = Number(process.env.BENCH_PORT ?? 8098);
const paths = process.argv.slice(2);
const server = await startSyncServer(port);
try {
  for (const path of paths.length ? paths : ['/']) report(await trace(server.base + path), server.base, path);
} finally {
  await server.stop();
}
