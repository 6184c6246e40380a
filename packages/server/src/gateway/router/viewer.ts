import {
  eventDefinition,
  type EventScope,
  type Permission,
  ROLE_PERMISSIONS,
  type SubscriptionFilter,
} from '@amiable/protocol';
import type { Principal } from '../../identity/principal.ts';
import type { LiveReach } from './live-reach.ts';

type KeyKind = 'extension' | 'agent' | 'queue';
const KEY_KINDS: readonly KeyKind[] = ['extension', 'agent', 'queue'];

/** The PBX part of a key that holds on every PBX. PBX ids never contain '*' or '/'. */
const ANY = '*';

/** The key of an extension or queue on one PBX ('' or undefined: on every PBX). */
export function pbxKey(pbx: string | undefined, value: string): string {
  return `${pbx || ANY}/${value}`;
}

/**
 * A principal and its subscription filter compiled into sets, for the per-event check of the
 * router and for filtering snapshots. One rule decides both, so a snapshot never shows what the
 * event stream would hide. Extension and queue keys carry their PBX (`main/1001`; the PBX part is
 * `*` for a key that holds on every PBX); agent keys are user ids, unique across PBXs.
 */
export interface Viewer {
  readonly principal: Principal;
  readonly all: boolean;
  readonly permissions: ReadonlySet<Permission>;
  readonly keys: Readonly<Record<KeyKind, ReadonlySet<string>>>;
  /** Null when the client has no key filter. Filter values name no PBX. */
  readonly filterKeys: Readonly<Record<KeyKind, ReadonlySet<string>>> | null;
  readonly filterTypes: ReadonlySet<string> | null;
  /** Sees the agents who are members of its queues (supervisors, integrations: `queue.monitor`). */
  readonly seesQueueMembers: boolean;
}

/**
 * Compiles what a principal sees. An agent sees the desk they sit at now (from `live`) and their
 * own agent id, not every desk they may use; supervisors and integrations see their configured
 * extensions, agents and queues, and, with `queue.monitor`, the members of those queues.
 */
export function compileViewer(principal: Principal, filter?: SubscriptionFilter, live?: LiveReach): Viewer {
  const agents = new Set(principal.agents);
  if (principal.agentId) agents.add(principal.agentId);
  const watch = principal.watch ?? {
    extensions: principal.extensions.map((value) => ({ pbx: '', value })),
    queues: principal.queues.map((value) => ({ pbx: '', value })),
  };
  const extensions = new Set(watch.extensions.map((e) => pbxKey(e.pbx, e.value)));
  const seat = principal.agentId ? live?.seatOf(principal.agentId) : undefined;
  if (seat) extensions.add(pbxKey(seat.pbx, seat.extension));
  const permissions = new Set(ROLE_PERMISSIONS[principal.role]);
  const hasKeyFilter = !!(filter?.extensions || filter?.agents || filter?.queues);
  return {
    principal,
    all: principal.role === 'admin',
    permissions,
    keys: { extension: extensions, agent: agents, queue: new Set(watch.queues.map((q) => pbxKey(q.pbx, q.value))) },
    filterKeys: hasKeyFilter
      ? {
          extension: new Set(filter?.extensions ?? []),
          agent: new Set(filter?.agents ?? []),
          queue: new Set(filter?.queues ?? []),
        }
      : null,
    filterTypes: filter?.types ? new Set(filter.types) : null,
    seesQueueMembers: permissions.has('queue.monitor'),
  };
}

function within(viewer: Viewer, kind: KeyKind, pbx: string | undefined, value: string): boolean {
  if (kind === 'agent') return viewer.keys.agent.has(value);
  const keys = viewer.keys[kind];
  return keys.has(pbxKey(undefined, value)) || (!!pbx && keys.has(pbxKey(pbx, value)));
}

/**
 * Whether the viewer may receive an event of this type and scope. Default deny: a type missing
 * from the catalogue, or a permission the role lacks, is never delivered. An event with an
 * extension, agent or queue key needs one of them within the principal's reach on the event's
 * PBX (and, where the catalogue says so, an extra permission for that key) and within the
 * client's filter. `memberOf` lists the PBX keys (`pbxKey`) of the queues the event's agent is a
 * member of: a viewer that sees queue members reaches the agent through them, for events that
 * name no queue (a call of another queue stays that queue's).
 * PBX-wide events (no such key) go to everyone holding the permission.
 */
export function viewerSees(viewer: Viewer, type: string, scope: EventScope, memberOf?: readonly string[]): boolean {
  const def = eventDefinition(type);
  if (!def || !viewer.permissions.has(def.permission)) return false;
  if (viewer.filterTypes && !viewer.filterTypes.has(type)) return false;
  let scoped = false;
  for (const kind of KEY_KINDS) {
    const value = scope[kind];
    if (value === undefined) continue;
    scoped = true;
    // Reaching an agent through the queues she is a member of shows her agent events, not the
    // calls she takes from other queues: an event of a queue is seen through that queue.
    const member = kind === 'agent' && scope.queue === undefined && reachesMember(viewer, memberOf);
    if (!viewer.all && !within(viewer, kind, scope.pbx, value) && !member) {
      continue;
    }
    const extra = def.keyPermissions?.[kind];
    if (extra && !viewer.permissions.has(extra)) continue;
    if (viewer.filterKeys && !viewer.filterKeys[kind].has(value)) continue;
    return true;
  }
  return !scoped;
}

function reachesMember(viewer: Viewer, memberOf: readonly string[] | undefined): boolean {
  if (!viewer.seesQueueMembers || !memberOf) return false;
  for (const key of memberOf) {
    if (viewer.keys.queue.has(key) || viewer.keys.queue.has(pbxKey(undefined, key.slice(key.indexOf('/') + 1)))) return true;
  }
  return false;
}

/** The index keys under which the router files a viewer ("*" = every event). */
export function viewerIndexKeys(viewer: Viewer): string[] {
  if (viewer.all) return ['*'];
  return [
    ...[...viewer.keys.extension].map((v) => `e:${v}`),
    ...[...viewer.keys.agent].map((v) => `a:${v}`),
    ...[...viewer.keys.queue].map((v) => `q:${v}`),
  ];
}

/**
 * The index keys an event is looked up under: its own keys on its PBX and on every PBX, plus the
 * queues its agent is a member of (for viewers who see queue members). Empty for PBX-wide events.
 */
export function scopeIndexKeys(scope: EventScope, memberOf: readonly string[] = []): string[] {
  const keys: string[] = [];
  const both = (prefix: string, value: string) => {
    keys.push(`${prefix}:${pbxKey(undefined, value)}`);
    if (scope.pbx) keys.push(`${prefix}:${pbxKey(scope.pbx, value)}`);
  };
  if (scope.extension !== undefined) both('e', scope.extension);
  if (scope.agent !== undefined) {
    keys.push(`a:${scope.agent}`);
    for (const key of memberOf) {
      keys.push(`q:${key}`, `q:${pbxKey(undefined, key.slice(key.indexOf('/') + 1))}`);
    }
  }
  if (scope.queue !== undefined) both('q', scope.queue);
  return keys;
}
