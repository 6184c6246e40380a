/**
 * The change stream for principals: every change to who a caller is or what they may see (role,
 * scope, agent extensions, a disabled or deleted account or API key, a password change, a
 * sign-out). Open connections (WebSocket API, AMI-compatible port) follow it at once: they update
 * their view or close. Changes are plain serialisable data so that a message bus can carry them
 * between nodes; `createLocalPrincipalChanges` is the in-process implementation.
 */

/** Why a login session ended. */
export type SessionEndReason = 'signed-out' | 'token-reuse';

export type PrincipalChange =
  /** Role, scopes, teams or agent extensions of a user changed: connections re-read the principal. */
  | { kind: 'user.changed'; userId: string; at: number }
  | { kind: 'user.disabled'; userId: string; at: number }
  | { kind: 'user.deleted'; userId: string; at: number }
  /** Every session of the user ended; access tokens issued before `at` are refused. */
  | { kind: 'user.password-changed'; userId: string; at: number }
  /** One login session (or, without `sessionId`, every session of the user) ended. */
  | { kind: 'session.ended'; userId: string; sessionId?: string; reason: SessionEndReason; at: number }
  /** The key's name or scope changed: connections using it re-read it. */
  | { kind: 'api-key.changed'; apiKeyId: string; at: number }
  /** The key was disabled or deleted. */
  | { kind: 'api-key.revoked'; apiKeyId: string; at: number }
  /** Teams or skill→queue mappings changed, which may widen or narrow anyone's scope: everyone re-reads. */
  | { kind: 'directory.changed'; at: number };

export type PrincipalChangeKind = PrincipalChange['kind'];

export type PrincipalChangeListener = (change: PrincipalChange) => void;

/** The port: publish a change, follow every change (this node's and, over a bus, other nodes'). */
export interface PrincipalChanges {
  publish(change: PrincipalChange): void;
  /** Returns the unsubscribe function. */
  subscribe(listener: PrincipalChangeListener): () => void;
}

/**
 * In-process stream: listeners are called synchronously, in subscription order. A listener that
 * throws is reported to `onListenerError` and does not stop the others.
 */
export function createLocalPrincipalChanges(
  options: { onListenerError?: (err: unknown, change: PrincipalChange) => void } = {},
): PrincipalChanges {
  const listeners = new Set<PrincipalChangeListener>();
  return {
    publish(change) {
      for (const listener of [...listeners]) {
        try {
          listener(change);
        } catch (err) {
          options.onListenerError?.(err, change);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
