import { E2E_PORT } from '../../playwright.config.ts';
import { prepareDirs, startServer, waitForHealth } from './server.ts';

export default async function globalSetup() {
  prepareDirs();
  const server = startServer(E2E_PORT);
  await waitForHealth(`http://127.0.0.1:${E2E_PORT}`);
  return async () => {
    server.kill('SIGTERM');
  };
}
