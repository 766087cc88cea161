import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import { COLLECTIONS } from '../../src/model/collections.ts';
import { Accounts, type AccountSettings } from './accounts/accounts.ts';
import { accountRoutes } from './accounts/routes.ts';
import type { AccountStore } from './accounts/store.ts';
import type { BlobBytes } from './blobs/bytes.ts';
import { blobRoutes } from './blobs/routes.ts';
import { ApiError, isStorageFailure } from './errors.ts';
import { nestedDeeperThan } from './json-depth.ts';
import { DEFAULT_LIMITS, type ServerLimits } from './limits.ts';
import { runMaintenance } from './maintenance.ts';
import { libraryMediaRoutes } from './library/routes.ts';
import { ChangeFeed } from './replication/feed.ts';
import { accountsIdentity, type Identity } from './replication/identity.ts';
import { replicationRoutes } from './replication/routes.ts';
import { memoryStreamSlots, type StreamSlots } from './replication/stream-slots.ts';
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
  /** Where the bytes of uploaded photos are kept (files in `DATA_DIR/blobs`, or PostgreSQL). */
  blobs: BlobBytes;
  /** Where open streams are counted (ServerDatabase.streamSlots); this process's memory when absent. */
  streamSlots?: StreamSlots;
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
  /** SYNC-PROTOCOL.md, Limits; the protocol's defaults when absent. */
  limits?: Partial<ServerLimits>;
  /** `TRUST_PROXY`: whose `X-Forwarded-For` names the client (see limits.ts); off when absent. */
  trustProxy?: boolean | number | string[];
  /** How often the housekeeping runs (ms; default one hour). */
  maintenanceMs?: number;
  logger?: boolean;
}

const HOUR = 60 * 60_000;

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};
export const APP_VERSION = packageJson.version;

/** Builds the server without listening, so tests can inject or listen on port 0. */
export type App = FastifyInstance & {
  feed: ChangeFeed;
  accounts: Accounts;
  /** Runs the housekeeping now (it also runs at start and every `maintenanceMs`). */
  maintain(): Promise<unknown>;
};

export async function buildApp(options: AppOptions): Promise<App> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    trustProxy: trustProxyOption(options.trustProxy),
    // A URL Fastify cannot decode gets the API's error shape, not Fastify's own.
    frameworkErrors: (error, _request, reply) => {
      const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
      void (reply as FastifyReply)
        .status(status)
        .send({ error: 'bad_request', message: 'Adresse de requête mal formée.' });
    },
  });
  const feed = new ChangeFeed(options.store);
  const accounts = new Accounts(options.accountStore, {
    ...options.accountSettings,
    limits: {
      registerPerAddress: { max: limits.registrationsPerHour, windowMs: HOUR },
      ...options.accountSettings?.limits,
    },
    tokenIdleDays: options.accountSettings?.tokenIdleDays ?? limits.tokenIdleDays,
  });
  const files = options.blobs;
  await feed.start(options.pollMs ?? 1000);
  app.addHook('onClose', async () => feed.stop());

  const maintain = () =>
    runMaintenance({
      store: options.store,
      attempts: options.accountStore,
      accounts,
      files,
      blobGraceMs: limits.blobGraceMs,
      now: options.accountSettings?.now,
      log: (message) => app.log.info(message),
    }).catch((error: unknown) => app.log.error(error));
  const maintenance = setInterval(maintain, options.maintenanceMs ?? HOUR);
  maintenance.unref();
  app.addHook('onReady', async () => void maintain());
  app.addHook('onClose', async () => clearInterval(maintenance));

  // JSON too deeply nested is refused before parsing (SYNC-PROTOCOL.md, Limits).
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (!nestedDeeperThan(body as string)) return parseJson(request, body as string, done);
    const push = /^\/api\/v1\/replication\/[^/]+\/push(?:\?|$)/.test(request.url);
    const message = 'JSON imbriqué sur plus de 64 niveaux. Rien n’a été écrit.';
    done(new ApiError(400, push ? 'invalid_document' : 'invalid_input', message), undefined);
  });

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
      return reply.status(error.statusCode).send(error.body());
    }
    if (isStorageFailure(error)) {
      request.log.error(error);
      return reply.status(503).header('retry-after', '30').send({
        error: 'unavailable',
        message: 'Le serveur ne peut pas enregistrer pour le moment. Réessayez plus tard.',
      });
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 413) return reply.status(413).send({ error: 'too_large', message: 'Envoi trop volumineux.' });
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ error: 'invalid_input', message: 'Requête invalide.' });
    }
    request.log.error(error);
    return reply.status(500).send({ error: 'internal', message: 'Erreur interne du serveur.' });
  });

  // Honest health: 503 while the store or the blob folder cannot take a write (read-only, full disk).
  app.get('/api/v1/health', async (request, reply) => {
    try {
      await options.store.probeWrite();
      await files.probe();
      return { ok: true, version: APP_VERSION };
    } catch (error) {
      request.log.warn(error);
      const reason = isStorageFailure(error) ? (error as { code: string }).code : 'store_unavailable';
      return reply.status(503).send({ ok: false, reason, version: APP_VERSION });
    }
  });
  app.get('/api/v1/collections', async () =>
    COLLECTIONS.map((c) => ({ name: c.name, kind: c.kind, schemaVersion: c.schema.version, schema: c.schema })),
  );
  accountRoutes(app, accounts);
  const identity = options.identity ?? accountsIdentity(accounts);
  replicationRoutes(app, {
    store: options.store,
    feed,
    identity,
    attempts: options.accountStore,
    streamSlots: options.streamSlots ?? memoryStreamSlots(),
    limits,
    checks: { contributions: (docs) => checkEntries(options.store, docs as unknown as WorkshopEntry[]) },
  });
  workshopRoutes(app, {
    store: options.store,
    feed,
    identity,
    attempts: options.accountStore,
    limits: options.workshopLimits,
    now: options.accountSettings?.now,
  });
  await app.register(blobRoutes({ store: options.store, identity, files, quotaBytes: limits.blobQuotaBytes }));
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

  return Object.assign(app, { feed, accounts, maintain }) as unknown as App;
}

/** A hop count becomes the function Fastify's types take (trust the last `hops` proxies). */
function trustProxyOption(trust: boolean | number | string[] | undefined) {
  if (typeof trust !== 'number') return trust ?? false;
  return (_address: string, hop: number) => hop < trust;
}

/**
 * A file that is not there (an old build's script, say) is a 404, never the
 * app's page: a script answered with HTML fails in a way the page cannot tell.
 */
function isFileRequest(url: string): boolean {
  const path = url.split(/[?#]/)[0]!;
  return path.startsWith('/assets/') || /\.[a-z0-9]{1,8}$/i.test(path);
}
