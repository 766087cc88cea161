import { parseSchemaVersions } from '../../src/model/schema-versions.ts';

/**
 * The limits of SYNC-PROTOCOL.md (« Limits »), each set by an environment
 * variable; the defaults are the protocol's.
 */
export interface ServerLimits {
  /** `REGISTRATIONS_PER_HOUR` [10]: registrations per client address per hour. */
  registrationsPerHour: number;
  /** `TOKEN_IDLE_DAYS` [30]: a token unused this long stops working. */
  tokenIdleDays: number;
  /** `STREAMS_PER_USER` [8]: open streams per signed-in user. */
  streamsPerUser: number;
  /** `STREAMS_PER_ADDRESS` [32]: anonymous streams per client address. */
  streamsPerAddress: number;
  /** `BLOB_QUOTA_MB` [200]: bytes of blobs a user may have uploaded. */
  blobQuotaBytes: number;
  /** A stream with more than this queued for its client (it does not read) is closed. */
  streamQueueBytes: number;
  /** Blobs no document references are deleted once this old. */
  blobGraceMs: number;
  /** `MIN_SCHEMA_VERSIONS` (`annotations=2,initiatives=1`): older clients get 426 `upgrade_required`. */
  oldestSchemaVersions: ReadonlyMap<string, number>;
}

const MIB = 1024 * 1024;

export const DEFAULT_LIMITS: ServerLimits = {
  registrationsPerHour: 10,
  tokenIdleDays: 30,
  streamsPerUser: 8,
  streamsPerAddress: 32,
  blobQuotaBytes: 200 * MIB,
  streamQueueBytes: MIB,
  blobGraceMs: 24 * 60 * 60_000,
  oldestSchemaVersions: new Map(),
};

/** The limits set in the environment; an unset variable keeps its default, a bad one stops the start. */
export function limitsFromEnv(env: NodeJS.ProcessEnv): ServerLimits {
  const number = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not « ${raw} »`);
    return value;
  };
  return {
    ...DEFAULT_LIMITS,
    registrationsPerHour: number('REGISTRATIONS_PER_HOUR', DEFAULT_LIMITS.registrationsPerHour),
    tokenIdleDays: number('TOKEN_IDLE_DAYS', DEFAULT_LIMITS.tokenIdleDays),
    streamsPerUser: number('STREAMS_PER_USER', DEFAULT_LIMITS.streamsPerUser),
    streamsPerAddress: number('STREAMS_PER_ADDRESS', DEFAULT_LIMITS.streamsPerAddress),
    blobQuotaBytes: number('BLOB_QUOTA_MB', DEFAULT_LIMITS.blobQuotaBytes / MIB) * MIB,
    oldestSchemaVersions: parseSchemaVersions(env.MIN_SCHEMA_VERSIONS),
  };
}

/**
 * `TRUST_PROXY` as Fastify's `trustProxy` takes it: off by default; a hop
 * count (`1`), or a list of proxy addresses or CIDR ranges
 * (`127.0.0.1,10.0.0.0/8`), so the client's address is read from
 * `X-Forwarded-For` only when the request comes through a trusted proxy.
 */
export function trustProxyFromEnv(raw: string | undefined): boolean | number | string[] {
  if (raw === undefined || raw === '' || raw === 'false' || raw === '0') return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  if (raw === 'true') {
    throw new Error('TRUST_PROXY=true would trust any client to name its own address: give a hop count or addresses');
  }
  return raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}
