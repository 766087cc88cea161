import getPort from 'get-port';
import { describe, expect, it } from 'vitest';
import { runChaos } from './chaos.ts';

/** CI-sized chaos (see chaos.ts; `npm run chaos -- 1000` runs a thousand seeds). */
describe('chaos', () => {
  it('three devices, offline spells, lost responses, same-field edits and a kill -9 converge and lose nothing', async () => {
    const report = await runChaos({
      seed: Number(process.env.CHAOS_SEED ?? 7),
      port: await getPort({ host: '127.0.0.1' }),
      steps: 24,
      kills: 1,
    });
    expect(report.failures).toEqual([]);
    expect(report).toMatchObject({ kills: 1, conflictsKept: expect.any(Number) });
    expect(report.conflictsKept).toBeGreaterThan(0);
  }, 180_000);
});
