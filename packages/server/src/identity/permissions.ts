import { type Permission, roleHasPermission } from '@amiable/protocol';
import type { Principal } from './principal.ts';

/** The parties of a call, to decide whether it is within a principal's scope. */
export interface CallParties {
  extensions: readonly string[];
  agents: readonly string[];
  queue: string | null;
}

/** What a command acts on. Every field present must be within the principal's reach. */
export interface Target {
  /** The agent acted on. Equal to the principal's own agent means "self". */
  agentId?: string;
  extension?: string;
  queues?: readonly string[];
  call?: CallParties;
  adminOnly?: boolean;
}

export type Decision = { ok: true } | { ok: false; reason: string };

const ALLOW: Decision = { ok: true };
const deny = (reason: string): Decision => ({ ok: false, reason });

/**
 * Whether a principal may use a permission on a target. Admins may do anything their role holds.
 * Agents act only on themselves; supervisors on their own agent and the agents of their teams;
 * integrations on their configured agents, extensions and queues.
 */
export function decide(principal: Principal, permission: Permission, target?: Target): Decision {
  if (!roleHasPermission(principal.role, permission)) return deny(`role ${principal.role} lacks ${permission}`);
  if (!target || principal.role === 'admin') return ALLOW;
  if (target.adminOnly) return deny('admins only');
  if (target.agentId !== undefined && target.agentId !== principal.agentId) {
    if (principal.role === 'agent') return deny('agents may act only on themselves');
    if (!principal.agents.includes(target.agentId)) return deny(`agent ${target.agentId} is outside your scope`);
  }
  if (target.extension !== undefined && !principal.extensions.includes(target.extension)) {
    return deny(`extension ${target.extension} is outside your scope`);
  }
  for (const queue of target.queues ?? []) {
    if (!principal.queues.includes(queue)) return deny(`queue ${queue} is outside your scope`);
  }
  if (target.call && !callInScope(principal, target.call)) return deny('the call is outside your scope');
  return ALLOW;
}

export function can(principal: Principal, permission: Permission, target?: Target): boolean {
  return decide(principal, permission, target).ok;
}

function callInScope(principal: Principal, call: CallParties): boolean {
  if (call.extensions.some((e) => principal.extensions.includes(e))) return true;
  if (call.agents.some((a) => a === principal.agentId || principal.agents.includes(a))) return true;
  return (
    call.queue !== null && principal.queues.includes(call.queue) && roleHasPermission(principal.role, 'queue.monitor')
  );
}
