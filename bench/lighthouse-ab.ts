/**
 * Lighthouse on two (or more) builds of the app, runs alternated: one
 * server per build (STATIC_DIR, ports BENCH_PORT, BENCH_PORT + 1…), and for
 * each round and each path a run on every build, the order reversed every
 * other round, so that the machine's load weighs on all builds alike.
 * Prints every run (score, TBT, FCP, LCP, load average, Lighthouse's long
 * tasks as start+duration:file, simulated) and the medians. Not part of
 * `npm run bench`: a tool to compare a change with main.
 *
 *   cp -r dist /tmp/dist-b   # and a build of main in /tmp/dist-a
 *   BENCH_PORT=8901 npx tsx bench/lighthouse-ab.ts 5 /,/initiatives/nouvelle /tmp/dist-a /tmp/dist-b
 */
import { loadavg } from 'node:os';
import lighthouse from 'lighthouse';
import { alternatedOrder, startBuildServers, stopAll } from './ab.ts';
import { launchChromeForLighthouse } from './lighthouse.ts';
import { median } from './stats.ts';
import type { SyncServer } from './sync/server.ts';

const [rounds, pathList, ...dists] = process.argv.slice(2);
if (!rounds || !pathList || dists.length === 0) {
  throw new Error('usage: lighthouse-ab.ts <rounds> <path,path…> <dist> [<dist>…]');
}
const paths = pathList.split(',');
const port = Number(process.env.BENCH_PORT ?? 8098);
const load = () => loadavg()[0]!.toFixed(1);

let servers: SyncServer[] = [];
const chrome = await launchChromeForLighthouse({ killOnCtrlC: true });
const runs = new Map<string, { score: number; tbt: number; load: string }[]>();
try {
  servers = await startBuildServers(dists, port);
  for (let round = 0; round < Number(rounds); round++) {
    for (const path of paths) {
      for (const i of alternatedOrder(round, servers.length)) {
        const key = `${dists[i]} ${path}`;
        const result = await lighthouse(servers[i]!.base + path, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance'],
        });
        const lhr = result?.lhr;
        const score = lhr?.categories.performance?.score;
        if (!lhr || lhr.runtimeError || typeof score !== 'number') {
          console.log(`${key} round ${round}: no score (${lhr?.runtimeError?.code ?? 'no result'})`);
          continue;
        }
        const audit = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? NaN);
        const details = lhr.audits['long-tasks']?.details as
          { items?: { url: string; duration: number; startTime: number }[] } | undefined;
        const tasks = (details?.items ?? []).map(
          (t) => `${Math.round(t.startTime)}+${Math.round(t.duration)}:${t.url.split('/').pop()}`,
        );
        const run = { score: Math.round(score * 100), tbt: audit('total-blocking-time'), load: load() };
        runs.set(key, [...(runs.get(key) ?? []), run]);
        console.log(
          `${key} round ${round}: ${run.score}, TBT ${run.tbt} ms, FCP ${audit('first-contentful-paint')}, ` +
            `LCP ${audit('largest-contentful-paint')}, load ${run.load} | ${tasks.join(' ')}`,
        );
      }
    }
  }
} finally {
  chrome.kill();
  await stopAll(servers);
}
for (const [key, list] of runs) {
  console.log(
    `${key}: median ${median(list.map((r) => r.score))} [${list.map((r) => r.score).join(', ')}], ` +
      `TBT median ${median(list.map((r) => r.tbt))} [${list.map((r) => r.tbt).join(', ')}], ` +
      `load ${list.map((r) => r.load).join(', ')}`,
  );
}
