import {
  eventDefinition,
  type EventScope,
  type Permission,
  ROLE_PERMISSIONS,
  type SubscriptionFilter,
} from '@amiable/protocol';
import type { Principal } from '../../identity/principal.ts';

type KeyKind = 'extension' | 'agent' | 'queue';
const KEY_KINDS: readonly KeyKind[] = ['extension', 'agent', 'queue'];

/**
 * A principal and its subscription filter compiled into sets, for the per-event check of the
 * router and for filtering snapshots. One rule decides both, so a snapshot never shows what the
 * event stream would hide.
 */
export interface Viewer {
  readonly principal: Principal;
  readonly all: boolean;
  readonly permissions: ReadonlySet<Permission>;
  readonly keys: Readonly<Record<KeyKind, ReadonlySet<string>>>;
  /** Null when the client has no key filter. */
  readonly filterKeys: Readonly<Record<KeyKind, ReadonlySet<string>>> | null;
  readonly filterTypes: ReadonlySet<string> | null;
}

export function compileViewer(principal: Principal, filter?: SubscriptionFilter): Viewer {
  const agents = new Set(principal.agents);
  if (principal.agentId) agents.add(principal.agentId);
  const hasKeyFilter = !!(filter?.extensions || filter?.agents || filter?.queues);
  return {
    principal,
    all: principal.role === 'admin',
    permissions: new Set(ROLE_PERMISSIONS[principal.role]),
    keys: { extension: new Set(principal.extensions), agent: agents, queue: new Set(principal.queues) },
    filterKeys: hasKeyFilter
      ? {
          extension: new Set(filter?.extensions ?? []),
          agent: new Set(filter?.agents ?? []),
          queue: new Set(filter?.queues ?? []),
        }
      : null,
    filterTypes: filter?.types ? new Set(filter.types) : null,
  };
}

/**
 * Whether the viewer may receive an event of this type and scope. Default deny: a type missing
 * from the catalogue, or a permission the role lacks, is never delivered. An event with an
 * extension, agent or queue key needs one of them within the principal's reach (and, where the
 * catalogue says so, an extra permission for that key) and within the client's filter.
 * PBX-wide events (no such key) go to everyone holding the permission.
 */
export function viewerSees(viewer: Viewer, type: string, scope: EventScope): boolean {
  const def = eventDefinition(type);
  if (!def || !viewer.permissions.has(def.permission)) return false;
  if (viewer.filterTypes && !viewer.filterTypes.has(type)) return false;
  let scoped = false;
  for (const kind of KEY_KINDS) {
    const value = scope[kind];
    if (value === undefined) continue;
    scoped = true;
    if (!viewer.all && !viewer.keys[kind].has(value)) continue;
    const extra = def.keyPermissions?.[kind];
    if (extra && !viewer.permissions.has(extra)) continue;
    if (viewer.filterKeys && !viewer.filterKeys[kind].has(value)) continue;
    return true;
  }
  return !scoped;
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

/** The index keys an event is looked up under. Empty for PBX-wide events. */
export function scopeIndexKeys(scope: EventScope): string[] {
  const keys: string[] = [];
  if (scope.extension !== undefined) keys.push(`e:${scope.extension}`);
  if (scope.agent !== undefined) keys.push(`a:${scope.agent}`);
  if (scope.queue !== undefined) keys.push(`q:${scope.queue}`);
  return keys;
}
