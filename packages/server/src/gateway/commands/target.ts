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

/**
 * What a command acts on, read from its arguments as the catalogue declares. A `self` command
 * with no `agentId` acts on the caller's own agent, so the caller must be one.
 */
export function resolveTarget(
  def: CommandDefinition,
  args: Record<string, unknown>,
  principal: Principal,
  state: StateView,
): Target {
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
    if (!parties) throw new CtiError(CODES.NOT_FOUND, `No live call ${callId}`);
    target.call = parties;
  }
  return target;
}
