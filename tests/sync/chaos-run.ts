/**
 * `npm run chaos -- <seeds> [first]`: the chaos run of chaos.ts over many
 * seeds, one after the other; prints each failing seed (replay it with
 * CHAOS_SEED=<seed> npx vitest run tests/sync/chaos.test.ts) and a summary.
 * CHAOS_MINUTES stops after the seed running when that time is up (the
 * summary says how many seeds ran).
 */
import getPort from 'get-port';
import { ChaosRig, runChaos } from './chaos.ts';

// Stopped by a signal, the run still goes through 'exit', which kills its server process (chaos.ts).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

const seeds = Number(process.argv[2] ?? 100);
const first = Number(process.argv[3] ?? 1);
/** CHAOS_PORT, or a free port (two checkouts can run chaos at once). */
const port = process.env.CHAOS_PORT ? Number(process.env.CHAOS_PORT) : await getPort({ host: '127.0.0.1' });
const minutes = Number(process.env.CHAOS_MINUTES ?? Infinity);
const started = Date.now();
const failed: number[] = [];
const totals = { documents: 0, writes: 0, kills: 0, offlineSpells: 0, lostResponses: 0, conflictsKept: 0 };
/** Seeds whose devices needed more than three rounds of sync at the end to agree. */
const slowToAgree: number[] = [];
let ran = 0;
/** One server process and three device workers for the whole run: each seed opens fresh databases on them. */
const rig = new ChaosRig(port);
for (let seed = first; seed < first + seeds && Date.now() - started < minutes * 60_000; seed++) {
  ran += 1;
  const report = await runChaos({ seed, port, steps: 30, kills: 2 }, rig);
  for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += report[key];
  if (report.finalRounds > 3) slowToAgree.push(seed);
  if (report.failures.length > 0) {
    failed.push(seed);
    console.log(`seed ${seed}: FAILED\n  ${report.failures.join('\n  ')}`);
  } else if (seed % 10 === 0) {
    console.log(`seed ${seed}: ok (${Math.round((Date.now() - started) / 1000)} s so far)`);
  }
}
await rig.close();
console.log(
  JSON.stringify({
    seeds: ran,
    first,
    failed,
    slowToAgree,
    ...totals,
    minutes: Math.round((Date.now() - started) / 600) / 100,
  }),
);
if (failed.length > 0) process.exitCode = 1;
