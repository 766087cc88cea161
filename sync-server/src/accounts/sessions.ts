import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../errors.ts';
import type { AccountEvents } from './events.ts';
import { check, countAttempt, type Limit } from './attempts.ts';
import type { Credentials, Registration } from './input.ts';
import { hashPassword, needsRehash, verifyPassword, type ScryptParams } from './passwords.ts';
import type { AccountStore, User } from './store.ts';
import { bearerToken, hashToken, newToken } from './tokens.ts';

/** A request's proven identity: the user, and the hash of the token they sent. */
export interface Session {
  user: User;
  tokenHash: string;
}

export interface SignedIn {
  token: string;
  user: User;
}

export interface SessionSettings {
  scrypt: ScryptParams;
  loginPerEmail: Limit;
  loginPerAddress: Limit;
  registerPerAddress: Limit;
  /** A token unused for this long stops working. */
  tokenIdleMs: number;
  now?: () => number;
}

/** A token's last use is recorded at most this often (not a write per request). */
const TOUCH_EVERY_MS = 60_000;

const UNAUTHENTICATED = 'Connexion requise : jeton absent, inconnu ou révoqué.';

/** Registration, login, logout, and who is behind a request's token. */
export class Sessions {
  private readonly now: () => number;
  /** Verified against when the email is unknown, so that the answer takes as long as for a known one. */
  private readonly decoyHash: Promise<string>;
  private readonly cache = new WeakMap<FastifyRequest, Promise<Session | undefined>>();

  constructor(
    private readonly store: AccountStore,
    private readonly events: AccountEvents,
    private readonly settings: SessionSettings,
  ) {
    this.now = settings.now ?? Date.now;
    this.decoyHash = hashPassword(randomUUID(), settings.scrypt);
  }

  /** Every attempt counts against the client address (each costs a password hash), success or not. */
  async register(input: Registration, address: string): Promise<SignedIn> {
    await countAttempt(this.store, [check('register', this.settings.registerPerAddress, address)], this.now());
    const passwordHash = await hashPassword(input.password, this.settings.scrypt);
    const user = await this.store.createUser({
      id: randomUUID(),
      email: input.email,
      displayName: input.displayName,
      passwordHash,
    });
    if (!user) throw new ApiError(409, 'email_taken', 'Un compte existe déjà avec cette adresse e-mail.');
    return this.signIn(user);
  }

  /**
   * 401 `bad_credentials` alike for an unknown email and a wrong password.
   * Failures are limited per email and per client address (429); a success
   * clears the email's count and takes back its own count for the address.
   */
  async login(input: Credentials, address: string): Promise<SignedIn> {
    const forgive = await countAttempt(
      this.store,
      [
        check('login-email', this.settings.loginPerEmail, input.email),
        check('login-address', this.settings.loginPerAddress, address),
      ],
      this.now(),
    );
    const user = await this.store.findUserByEmail(input.email);
    const valid = await verifyPassword(input.password, user?.passwordHash ?? (await this.decoyHash));
    if (!user || !valid) throw new ApiError(401, 'bad_credentials', 'Adresse e-mail ou mot de passe incorrect.');
    await forgive();
    await this.store.clearAttempts(check('login-email', this.settings.loginPerEmail, input.email).key);
    if (needsRehash(user.passwordHash, this.settings.scrypt)) {
      await this.store.setPasswordHash(user.id, await hashPassword(input.password, this.settings.scrypt));
    }
    return this.signIn({ id: user.id, email: user.email, displayName: user.displayName });
  }

  /** Revokes the session's token at once. */
  async logout(session: Session): Promise<void> {
    await this.store.deleteToken(session.tokenHash);
    this.events.emit('tokenRevoked', { userId: session.user.id, tokenHash: session.tokenHash });
  }

  /** The session of a raw token, if it is valid and was used within the idle limit. */
  async authenticate(token: string): Promise<Session | undefined> {
    const tokenHash = hashToken(token);
    const now = this.now();
    const found = await this.store.findUserByToken(tokenHash, now - this.settings.tokenIdleMs);
    if (!found) return undefined;
    if (now - found.tokenLastUsedAt >= TOUCH_EVERY_MS) await this.store.touchToken(tokenHash, now);
    return { user: { id: found.id, email: found.email, displayName: found.displayName }, tokenHash };
  }

  /** Deletes the tokens that expired (unused for the idle limit); returns how many. */
  purgeIdleTokens(): Promise<number> {
    return this.store.purgeIdleTokens(this.now() - this.settings.tokenIdleMs);
  }

  /** The request's session; 401 `unauthenticated` when the token is missing, unknown or revoked. */
  async requireUser(request: FastifyRequest): Promise<Session> {
    const session = await this.sessionOf(request);
    if (!session) throw new ApiError(401, 'unauthenticated', UNAUTHENTICATED);
    return session;
  }

  /**
   * For routes where a token is optional: undefined without an
   * `Authorization` header, but 401 when one is sent and not valid (a client
   * whose token was revoked learns it instead of silently writing anonymously).
   */
  async optionalUser(request: FastifyRequest): Promise<Session | undefined> {
    if (request.headers.authorization === undefined) return undefined;
    return this.requireUser(request);
  }

  /** The request's session, looked up once per request; undefined without a valid token. */
  sessionOf(request: FastifyRequest): Promise<Session | undefined> {
    let session = this.cache.get(request);
    if (!session) {
      const token = bearerToken(request.headers.authorization);
      session = token === undefined ? Promise.resolve(undefined) : this.authenticate(token);
      this.cache.set(request, session);
    }
    return session;
  }

  private async signIn(user: User): Promise<SignedIn> {
    const token = newToken();
    await this.store.addToken(hashToken(token), user.id, this.now());
    return { token, user };
  }
}
