import type { CommandDefinition } from '@amiable/protocol';
import { CODES, CtiError, forbidden } from '../../identity/errors.ts';
import type { CallParties, Target } from '../../identity/permissions.ts';
import type { Principal } from '../../identity/principal.ts';
import type { StateView } from '../ports.ts';

/** The parties of a call from the state view. */
export function findCallParties(state: StateView, callId: string): CallParties | undefined {
  if (state.callParties) return state.callParties(callId);
  const legs = state.snapshot().calls.filter((c) => c.callId === callId);
  if (legs.length === 0) return undefined;
  return {
    extensions: legs.flatMap((c) => (c.extension ? [c.extension] : [])),
    agents: legs.flatMap((c) => (c.agentId ? [c.agentId] : [])),
    queue: legs.find((c) => c.queue)?.queue ?? null,
  };
}

/** A call nobody is on: within nobody's scope but an admin's. */
const NO_PARTIES: CallParties = { extensions: [], agents: [], queue: null };

/**
 * What a command acts on, read from its arguments as the catalogue declares. A `self` command
 * with no `agentId` acts on the caller's own agent, so the caller must be one. A call that does
 * not exist is not reported here: it has no parties, so the permission check refuses it like any
 * call out of scope, and only a caller allowed past that check learns it is missing (`missing`).
 * Otherwise a 404 before the 403 would tell anyone which calls exist.
 */
export function resolveTarget(
  def: CommandDefinition,
  args: Record<string, unknown>,
  principal: Principal,
  state: StateView,
): { target: Target; missing?: CtiError } {
  const target: Target = {};
  const pick = (field: string | undefined) => {
    const value = field === undefined ? undefined : args[field];
    return typeof value === 'string' ? value : undefined;
  };
  if (def.target === 'admin') target.adminOnly = true;
  const agentId = pick(def.targetArgs.agent);
  if (agentId !== undefined) target.agentId = agentId;
  else if (def.target === 'self' && !principal.agentId && principal.role !== 'admin') {
    throw forbidden(`${def.name} acts on an agent: you are not one, so name the agentId`);
  }
  const extension = pick(def.targetArgs.extension);
  if (extension !== undefined) target.extension = extension;
  const queues = (def.targetArgs.queues ?? []).map(pick).filter((q): q is string => q !== undefined);
  if (queues.length > 0) target.queues = queues;
  const callId = pick(def.targetArgs.call);
  if (callId !== undefined) {
    const parties = findCallParties(state, callId);
    target.call = parties ?? NO_PARTIES;
    if (!parties) return { target, missing: new CtiError(CODES.NOT_FOUND, `No live call ${callId}`) };
  }
  return { target };
}
