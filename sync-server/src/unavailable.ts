import { createServer, type Server } from 'node:http';

/**
 * What answers while the data folder cannot be opened for writing
 * (read-only, full disk) at start: `/health` says 503 with the reason, every
 * other request 503 `unavailable`, until the real server takes the port.
 */
export async function listenUnavailable(port: number, host: string, reason: string): Promise<Server> {
  const server = createServer((request, response) => {
    const health = request.url?.split('?')[0] === '/api/v1/health';
    response.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '10' });
    response.end(
      JSON.stringify(
        health
          ? { ok: false, reason }
          : {
              error: 'unavailable',
              message: 'Le serveur ne peut pas enregistrer pour le moment. Réessayez plus tard.',
            },
      ),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return server;
}

export function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
