/**
 * What the A/B tools share (bench/lighthouse-ab.ts, bench/communes-ab.ts):
 * one server per build of the app; and the alternation of runs, which
 * bench/screens.ts also uses between the app and its floor.
 */
import { resolve } from 'node:path';
import { startSyncServer, type SyncServer } from './sync/server.ts';

/** The app's server for each build folder (STATIC_DIR), on ports `port`, `port + 1`…; stop them with `stopAll`. */
export async function startBuildServers(dists: string[], port: number): Promise<SyncServer[]> {
  const servers: SyncServer[] = [];
  try {
    for (const [i, dist] of dists.entries()) {
      servers.push(await startSyncServer(port + i, { env: { STATIC_DIR: resolve(dist) } }));
    }
    return servers;
  } catch (error) {
    await stopAll(servers);
    throw error;
  }
}

export const stopAll = (servers: SyncServer[]) => Promise.all(servers.map((server) => server.stop()));

/** The builds' positions in `round`: reversed every other round, so that the machine's load weighs on all alike. */
export function alternatedOrder(round: number, builds: number): number[] {
  const order = [...Array(builds).keys()];
  return round % 2 ? order.reverse() : order;
}
