import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import { COLLECTIONS } from '../../src/model/collections.ts';
import { Accounts, type AccountSettings } from './accounts/accounts.ts';
import { accountRoutes } from './accounts/routes.ts';
import type { AccountStore } from './accounts/store.ts';
import { BlobFiles } from './blobs/files.ts';
import { blobRoutes } from './blobs/routes.ts';
import { ApiError } from './errors.ts';
import { libraryMediaRoutes } from './library/routes.ts';
import { ChangeFeed } from './replication/feed.ts';
import { accountsIdentity, type Identity } from './replication/identity.ts';
import { replicationRoutes } from './replication/routes.ts';
import { appPage } from './preview.ts';
import { staticApp } from './static.ts';
import { checkEntries } from './workshops/closed.ts';
import { workshopRoutes, type WorkshopLimits } from './workshops/routes.ts';
import type { WorkshopEntry } from '../../src/model/workshops/contribution.ts';
import type { Store } from './store/store.ts';

export interface AppOptions {
  store: Store;
  /** Users, tokens and workspaces; opened and closed by the caller, like `store`. */
  accountStore: AccountStore;
  /** Password hashing cost and rate limits; production values when absent. */
  accountSettings?: AccountSettings;
  /** Where uploaded photos are kept (`DATA_DIR/blobs`); created when missing. */
  blobDir: string;
  /** The built PWA (`dist/`); not served when absent. */
  staticDir?: string;
  /** The library's source folder, whose media/ files are served. */
  libraryDir?: string;
  /** Accounts and groups, for user collections. */
  identity?: Identity;
  /** Guests of workshops: rate limits and how long their access lasts. */
  workshopLimits?: Partial<WorkshopLimits>;
  /** How often to look for writes made by another process (ms). */
  pollMs?: number;
  logger?: boolean;
}

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};
export const APP_VERSION = packageJson.version;

/** Builds the server without listening, so tests can inject or listen on port 0. */
export type App = FastifyInstance & { feed: ChangeFeed; accounts: Accounts };

export async function buildApp(options: AppOptions): Promise<App> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024 });
  const feed = new ChangeFeed(options.store);
  const accounts = new Accounts(options.accountStore, options.accountSettings);
  await feed.start(options.pollMs ?? 1000);
  app.addHook('onClose', async () => feed.stop());

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // 'wasm-unsafe-eval' lets the QR code reader (WebAssembly) run where the browser has no BarcodeDetector.
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        manifestSrc: ["'self'"],
        workerSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: false,
  });
  await app.register(compress, { threshold: 1024 });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ApiError) {
      return reply.status(error.statusCode).send({ error: error.code, message: error.message, ...error.details });
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 413) return reply.status(413).send({ error: 'too_large', message: 'Envoi trop volumineux.' });
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ error: 'invalid_input', message: 'Requête invalide.' });
    }
    request.log.error(error);
    return reply.status(500).send({ error: 'internal', message: 'Erreur interne du serveur.' });
  });

  app.get('/api/v1/health', async () => ({ ok: true, version: APP_VERSION }));
  app.get('/api/v1/collections', async () =>
    COLLECTIONS.map((c) => ({ name: c.name, kind: c.kind, schemaVersion: c.schema.version, schema: c.schema })),
  );
  accountRoutes(app, accounts);
  const identity = options.identity ?? accountsIdentity(accounts);
  replicationRoutes(app, {
    store: options.store,
    feed,
    identity,
    checks: { contributions: (docs) => checkEntries(options.store, docs as unknown as WorkshopEntry[]) },
  });
  workshopRoutes(app, { store: options.store, feed, identity, limits: options.workshopLimits });
  await app.register(blobRoutes({ store: options.store, identity, files: new BlobFiles(options.blobDir) }));
  if (options.libraryDir) libraryMediaRoutes(app, options.libraryDir);

  const staticDir = options.staticDir;
  const serveApp = staticDir !== undefined && existsSync(join(staticDir, 'index.html'));
  if (serveApp) await staticApp(app, staticDir);
  app.setNotFoundHandler((request, reply) => {
    if (serveApp && request.method === 'GET' && !request.url.startsWith('/api/') && !isFileRequest(request.url)) {
      return appPage(staticDir, options.store, request.url).then((page) =>
        reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(page),
      );
    }
    return reply.status(404).send({ error: 'not_found', message: 'Ressource introuvable.' });
  });

  return Object.assign(app, { feed, accounts }) as unknown as App;
}

/**
 * A file that is not there (an old build's script, say) is a 404, never the
 * app's page: a script answered with HTML fails in a way the page cannot tell.
 */
function isFileRequest(url: string): boolean {
  const path = url.split(/[?#]/)[0]!;
  return path.startsWith('/assets/') || /\.[a-z0-9]{1,8}$/i.test(path);
}
