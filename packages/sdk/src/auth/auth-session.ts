import type { PrincipalSummary, TokenPair } from '@amiable/protocol';
import { CtiNotAuthenticatedError } from '../errors.ts';
import type { Http } from '../http.ts';
import type { Timers } from '../timers.ts';
import { authorizationHeader, routes } from '../wire/routes.ts';

/** What the SDK keeps of a signed-in session; persist it to survive a page reload. */
export interface StoredSession {
  kind: 'tokens';
  accessToken: string;
  refreshToken: string;
  /** Epoch ms when the access token expires. */
  expiresAt: number;
  user: PrincipalSummary;
}

export interface ApiKeySession {
  kind: 'api-key';
  apiKey: string;
}

export type Session = StoredSession | ApiKeySession;

/** Where sessions are kept between page loads (for example sessionStorage). Optional. */
export interface SessionStorage {
  load(): StoredSession | undefined;
  save(session: StoredSession | undefined): void;
}

export interface AuthSessionDeps {
  http: Http;
  timers: Timers;
  storage?: SessionStorage;
  /** Refresh this long before the access token expires. Default 30 s. */
  refreshMarginMs?: number;
  onChange(session: Session | undefined): void;
}

/**
 * Holds the credentials: tokens from a password login (refreshed ahead of
 * expiry and on a 401, one refresh at a time) or an API key.
 */
export class AuthSession {
  readonly #deps: AuthSessionDeps;
  #session: Session | undefined;
  #refreshing: Promise<boolean> | undefined;

  constructor(deps: AuthSessionDeps) {
    this.#deps = deps;
    const stored = deps.storage?.load();
    if (stored && stored.kind === 'tokens') this.#session = stored;
  }

  get session(): Session | undefined {
    return this.#session;
  }

  get user(): PrincipalSummary | undefined {
    return this.#session?.kind === 'tokens' ? this.#session.user : undefined;
  }

  async login(username: string, password: string): Promise<PrincipalSummary> {
    const pair = await this.#deps.http.request<TokenPair>('POST', routes.login, { body: { username, password }, anonymous: true });
    this.#set(this.#fromPair(pair));
    return pair.user;
  }

  useApiKey(apiKey: string): void {
    this.#set({ kind: 'api-key', apiKey });
  }

  /** The credential for the WebSocket `hello`, refreshed first when it is about to expire. */
  async credential(): Promise<string | undefined> {
    const session = this.#session;
    if (!session) return undefined;
    if (session.kind === 'api-key') return session.apiKey;
    if (session.expiresAt - this.#deps.timers.now() <= (this.#deps.refreshMarginMs ?? 30_000)) await this.refresh();
    const current = this.#session;
    return current?.kind === 'tokens' ? current.accessToken : current?.apiKey;
  }

  async authorization(): Promise<string | undefined> {
    const credential = await this.credential();
    return credential ? authorizationHeader(credential) : undefined;
  }

  /** Exchanges the refresh token for a new pair; concurrent callers share one request. False when impossible. */
  refresh(): Promise<boolean> {
    const session = this.#session;
    if (session?.kind !== 'tokens') return Promise.resolve(false);
    this.#refreshing ??= this.#deps.http
      .request<TokenPair>('POST', routes.refresh, { body: { refreshToken: session.refreshToken }, anonymous: true })
      .then(
        (pair) => {
          if (this.#session === session) this.#set(this.#fromPair(pair));
          return true;
        },
        (error: unknown) => {
          // Only a definite refusal ends the session; a network failure keeps it for the next attempt.
          if (isRefusal(error) && this.#session === session) this.#set(undefined);
          return false;
        },
      )
      .finally(() => {
        this.#refreshing = undefined;
      });
    return this.#refreshing;
  }

  async logout(everywhere = false): Promise<void> {
    const session = this.#session;
    this.#set(undefined);
    if (session?.kind === 'tokens') {
      await this.#deps.http
        .request('POST', routes.logout, {
          body: everywhere ? { refreshToken: session.refreshToken, everywhere } : { refreshToken: session.refreshToken },
          anonymous: true,
        })
        .catch(() => undefined);
    }
  }

  /** Throws `SDK_ERR_NOT_AUTHENTICATED` when there is no session. */
  require(): Session {
    if (!this.#session) throw new CtiNotAuthenticatedError();
    return this.#session;
  }

  #fromPair(pair: TokenPair): StoredSession {
    return {
      kind: 'tokens',
      accessToken: pair.accessToken,
      refreshToken: pair.refreshToken,
      expiresAt: this.#deps.timers.now() + pair.expiresIn * 1000,
      user: pair.user,
    };
  }

  #set(session: Session | undefined): void {
    this.#session = session;
    if (session?.kind !== 'api-key') this.#deps.storage?.save(session);
    this.#deps.onChange(session);
  }
}

function isRefusal(error: unknown): boolean {
  const status = (error as { status?: unknown })?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}
