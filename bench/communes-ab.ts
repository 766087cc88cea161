/**
 * The commune picker's keystroke measure (bench/communes.ts) on two (or more)
 * builds of the app, runs alternated: one server per build (STATIC_DIR, ports
 * BENCH_PORT, BENCH_PORT + 1…), a fresh Chromium per run, the order reversed
 * every other round, so that the machine's load weighs on all builds alike.
 * Prints every run (median, p95, max, list load, load average; a failed run
 * is reported and left out) and, per build, the medians over the runs. Not part of `npm run bench`: a tool to
 * compare a change with main.
 *
 *   cp -r dist /tmp/dist-b   # and a build of main in /tmp/dist-a
 *   BENCH_PORT=8852 npx tsx bench/communes-ab.ts 8 /tmp/dist-a /tmp/dist-b
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/chromium.ts';
import { measureCommunes, type CommunesFigures } from './communes.ts';
import { alternatedOrder, startBuildServers, stopAll } from './ab.ts';
import { median } from './stats.ts';
import type { SyncServer } from './sync/server.ts';

const [rounds, ...dists] = process.argv.slice(2);
if (!rounds || dists.length === 0) throw new Error('usage: communes-ab.ts <rounds> <dist> [<dist>…]');
const port = Number(process.env.BENCH_PORT ?? 8098);

let servers: SyncServer[] = [];
const runs = new Map<string, (CommunesFigures & { load: number })[]>();
try {
  servers = await startBuildServers(dists, port);
  for (let round = 0; round < Number(rounds); round++) {
    for (const i of alternatedOrder(round, servers.length)) {
      const dist = dists[i]!;
      const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
      try {
        const figures = await measureCommunes(browser, servers[i]!.base, resolve(dist));
        const load = loadavg()[0]!;
        runs.set(dist, [...(runs.get(dist) ?? []), { ...figures, load }]);
        console.log(
          `${dist} round ${round}: median ${figures.medianMs} ms, p95 ${figures.p95Ms} ms, max ${figures.maxMs} ms, ` +
            `list loaded in ${figures.loadMs} ms, load average ${load.toFixed(2)}`,
        );
      } catch (error) {
        // A run that fails (the library not downloaded in time, say) is reported and left out.
        console.log(
          `${dist} round ${round}: failed (${error instanceof Error ? error.message.split('\n')[0] : error})`,
        );
      } finally {
        await browser.close();
      }
    }
  }
  for (const [dist, list] of runs) {
    const of = (pick: (run: CommunesFigures) => number) => median(list.map(pick));
    const loads = list.map((run) => run.load);
    console.log(
      `${dist}, ${list.length} runs, medians: keystroke median ${of((r) => r.medianMs)} ms, p95 ${of((r) => r.p95Ms)} ms, ` +
        `max ${of((r) => r.maxMs)} ms, list loaded in ${of((r) => r.loadMs)} ms ` +
        `(load average ${Math.min(...loads).toFixed(2)} to ${Math.max(...loads).toFixed(2)})`,
    );
  }
} finally {
  await stopAll(servers);
}
