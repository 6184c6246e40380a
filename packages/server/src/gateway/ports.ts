import type {
  AuditEntry,
  AuditQuery,
  CommandArgs,
  CommandName,
  NodeHealth,
  Page,
  StateSnapshot,
} from '@amiable/protocol';
import type { CallParties } from '../identity/permissions.ts';
import type { Principal } from '../identity/principal.ts';

export type { ApiKeyStore, RefreshTokenStore, UserStore } from '../identity/ports.ts';

/** The live state, read by `GET /api/state`, WebSocket snapshots and command target checks. */
export interface StateView {
  /** Everything, unfiltered; the gateway filters it per client. Must be cheap and synchronous. */
  snapshot(): StateSnapshot;
  /** The parties of a live call; defaults to looking the call up in `snapshot().calls`. */
  callParties?(callId: string): CallParties | undefined;
  /** Cluster mode: this node's id, leases, members and consumer lag (shown by `/api/health`). */
  node?(): Promise<NodeHealth>;
}

/** Where a command came from. */
export type CommandChannel = 'rest' | 'ws' | 'ami';

export interface CommandContext {
  channel: CommandChannel;
  ip: string | null;
  /** Correlates the command with logs and the audit trail. */
  requestId: string;
}

export type CommandHandler<K extends CommandName = CommandName> = (
  principal: Principal,
  args: CommandArgs<K>,
  ctx: CommandContext,
) => Promise<unknown>;

/**
 * The services that carry out commands, by name. The gateway has already validated the
 * arguments, checked the permission and the target rule, and will audit the outcome. A handler
 * throws an error with a stable `code` to refuse.
 */
export type CommandHandlers = { [K in CommandName]?: CommandHandler<K> };

/** An audit entry before the sink gives it an id. */
export type AuditRecord = Omit<AuditEntry, 'id'>;

export interface AuditSink {
  record(entry: AuditRecord): void | Promise<void>;
  query(query: AuditQuery): Promise<Page<AuditEntry>>;
}
