import type { GatewayErrorCode } from '@amiable/protocol';
import { CODES, CtiError } from './errors.ts';
import type { Principal } from './principal.ts';
import type { PrincipalChange, PrincipalChanges } from './principal-changes.ts';

/** What an open connection must do after a principal change. */
export type LiveVerdict =
  | { action: 'update'; principal: Principal }
  | { action: 'close'; code: GatewayErrorCode; reason: LiveCloseReason; message: string };

/** Why a connection was closed; the AMI port sends it as the `Reason:` of its last event. */
export type LiveCloseReason = 'disabled' | 'deleted' | 'password-changed' | 'signed-out' | 'token-reuse' | 'api-key-revoked' | 'revoked';

export interface LivePrincipalsDeps {
  changes: PrincipalChanges;
  /** Re-reads a principal from the stores; throws a CtiError when it may no longer be used. */
  reload(principal: Principal): Promise<Principal>;
  /** A reload failed for a reason other than a refusal (the database is away, say). */
  onError(err: unknown, principal: Principal): void;
  /** Reloads in flight at most (a directory change re-reads every connected principal). */
  concurrency?: number;
}

interface Watcher {
  current(): Principal;
  apply(verdict: LiveVerdict): void;
}

/** Whether a change concerns this principal. */
export function changeAffects(principal: Principal, change: PrincipalChange): boolean {
  switch (change.kind) {
    case 'directory.changed':
      return true;
    case 'api-key.changed':
    case 'api-key.revoked':
      return principal.apiKey?.id === change.apiKeyId;
    case 'session.ended':
      return (
        principal.via === 'token' &&
        principal.userId === change.userId &&
        (change.sessionId === undefined || principal.sessionId === change.sessionId)
      );
    default:
      return principal.userId === change.userId || principal.apiKey?.ownerId === change.userId;
  }
}

/** The verdict a change gives without reading any store, or undefined when the principal must be re-read. */
export function immediateVerdict(change: PrincipalChange): LiveVerdict | undefined {
  const close = (code: GatewayErrorCode, reason: LiveCloseReason, message: string): LiveVerdict => ({ action: 'close', code, reason, message });
  switch (change.kind) {
    case 'user.disabled':
      return close(CODES.USER_DISABLED, 'disabled', 'The account was disabled');
    case 'user.deleted':
      return close(CODES.USER_DISABLED, 'deleted', 'The account was deleted');
    case 'user.password-changed':
      return close(CODES.TOKEN_REVOKED, 'password-changed', 'The password was changed; sign in again');
    case 'session.ended':
      return change.reason === 'token-reuse'
        ? close(CODES.TOKEN_REVOKED, 'token-reuse', 'A refresh token was used twice; the session was ended')
        : close(CODES.TOKEN_REVOKED, 'signed-out', 'The session was signed out');
    case 'api-key.revoked':
      return close(CODES.USER_DISABLED, 'api-key-revoked', 'The API key was disabled or deleted');
    default:
      return undefined;
  }
}

/** The same principal re-read: one reload serves every connection of the same credentials. */
function reloadKey(p: Principal): string {
  return p.via === 'api-key' ? `k:${p.apiKey?.id ?? p.userId}` : `t:${p.userId}:${p.sessionId ?? ''}:${p.issuedAt ?? ''}`;
}

/**
 * Open connections register here with their current principal and how to apply a verdict. On
 * each change, affected connections are closed at once (revocations) or get their principal
 * re-read and replaced (role, scope, extensions), or closed if the re-read refuses them.
 * Re-reads are shared per credentials, bounded in number, and a change during a re-read
 * triggers one more, so the last state always wins.
 */
export function createLivePrincipals(deps: LivePrincipalsDeps) {
  const watchers = new Set<Watcher>();
  const concurrency = deps.concurrency ?? 8;
  /** Credentials waiting for a re-read, in order; and those being re-read (true: again after). */
  const queued = new Map<string, Principal>();
  const running = new Map<string, boolean>();

  const pump = () => {
    for (const [key, principal] of queued) {
      if (running.size >= concurrency) return;
      if (running.has(key)) continue;
      queued.delete(key);
      running.set(key, false);
      void reload(key, principal);
    }
  };

  async function reload(key: string, principal: Principal): Promise<void> {
    let verdict: LiveVerdict | undefined;
    try {
      verdict = { action: 'update', principal: await deps.reload(principal) };
    } catch (err) {
      if (err instanceof CtiError) verdict = { action: 'close', code: err.code, reason: 'revoked', message: err.message };
      else deps.onError(err, principal);
    }
    const again = running.get(key) === true;
    running.delete(key);
    if (verdict && !again) {
      for (const w of [...watchers]) if (reloadKey(w.current()) === key) w.apply(verdict);
    }
    if (again) queued.set(key, principal);
    pump();
  }

  const unsubscribe = deps.changes.subscribe((change) => {
    const now = immediateVerdict(change);
    for (const w of [...watchers]) {
      const principal = w.current();
      if (!changeAffects(principal, change)) continue;
      if (now) {
        w.apply(now);
        continue;
      }
      const key = reloadKey(principal);
      if (running.has(key)) running.set(key, true);
      else queued.set(key, principal);
    }
    pump();
  });

  return {
    /** Follows changes for one connection until the returned function is called. */
    watch(current: () => Principal, apply: (verdict: LiveVerdict) => void): () => void {
      const watcher: Watcher = { current, apply };
      watchers.add(watcher);
      return () => watchers.delete(watcher);
    },
    /** Connections being followed. */
    get size(): number {
      return watchers.size;
    },
    close(): void {
      unsubscribe();
      watchers.clear();
      queued.clear();
    },
  };
}
export type LivePrincipals = ReturnType<typeof createLivePrincipals>;
