import type { CommandArgs, CommandName } from '@amiable/protocol';
import type { AnyDeliveredEvent } from '@amiable/sdk';

/** The supervisor's actions on an agent, each with the event that shows it took effect. */
export type ActionKey = 'listen' | 'whisper' | 'barge' | 'hangup' | 'forceReady' | 'pause' | 'signOut' | 'moveDesk' | 'moveQueue';

export interface ActionSpec<K extends CommandName = CommandName> {
  key: ActionKey;
  command: K;
  args: CommandArgs<K>;
  /** The event that shows the action took effect (Asterisk confirmed it and the server published it). */
  effect: (event: AnyDeliveredEvent) => boolean;
  /** How long to wait for it. */
  timeoutMs: number;
}

/** Time for a state change Asterisk confirms at once. */
const STATE_MS = 10_000;
/** Listening starts once the supervisor answers their own phone: give them time to pick up. */
const SPY_MS = 45_000;

const spec = <K extends CommandName>(s: ActionSpec<K>): ActionSpec => s as unknown as ActionSpec;

export function spyAction(mode: 'listen' | 'whisper' | 'barge', agentId: string): ActionSpec {
  const command = mode === 'listen' ? 'supervisor.listen' : mode === 'whisper' ? 'supervisor.whisper' : 'supervisor.barge';
  return spec({
    key: mode,
    command,
    args: { agentId },
    effect: (e) => e.type === 'call.supervision' && e.payload.state === 'started' && e.payload.agentId === agentId && e.payload.mode === mode,
    timeoutMs: SPY_MS,
  });
}

export function hangupAction(agentId: string, callId: string): ActionSpec {
  return spec({
    key: 'hangup',
    command: 'call.hangup',
    args: { callId, agentId },
    effect: (e) => e.type === 'call.ended' && e.payload.callId === callId,
    timeoutMs: STATE_MS,
  });
}

export function forceReadyAction(agentId: string): ActionSpec {
  return spec({
    key: 'forceReady',
    command: 'supervisor.forceReady',
    args: { agentId },
    // A call may be offered the moment the agent is ready: ringing shows it too.
    effect: (e) => e.type === 'agent.state' && e.payload.agentId === agentId && ['ready', 'ringing', 'on-call'].includes(e.payload.state),
    timeoutMs: STATE_MS,
  });
}

export function pauseAction(agentId: string, reason: string): ActionSpec {
  return spec({
    key: 'pause',
    command: 'supervisor.forcePause',
    args: { agentId, reason },
    // Asterisk's QueueMemberPause (queue.member) shows it even while the agent finishes a call.
    effect: (e) =>
      (e.type === 'queue.member' && e.payload.agentId === agentId && e.payload.change === 'paused' && e.payload.reason === reason) ||
      (e.type === 'agent.state' && e.payload.agentId === agentId && e.payload.state === 'paused' && e.payload.reason === reason),
    timeoutMs: STATE_MS,
  });
}

export function signOutAction(agentId: string): ActionSpec {
  return spec({
    key: 'signOut',
    command: 'supervisor.forceSignOut',
    args: { agentId },
    effect: (e) => e.type === 'agent.state' && e.payload.agentId === agentId && e.payload.state === 'logged-out',
    timeoutMs: STATE_MS,
  });
}

export function moveDeskAction(agentId: string, workstationId: string, extension: string): ActionSpec {
  return spec({
    key: 'moveDesk',
    command: 'supervisor.moveDesk',
    args: { agentId, workstationId },
    effect: (e) => e.type === 'agent.state' && e.payload.agentId === agentId && e.payload.extension === extension && e.payload.state !== 'logged-out',
    timeoutMs: STATE_MS,
  });
}

export function moveQueueAction(agentId: string, fromQueue: string, toQueue: string): ActionSpec {
  return spec({
    key: 'moveQueue',
    command: 'supervisor.moveAgent',
    args: { agentId, fromQueue, toQueue },
    // The server joins the new queue first, then leaves the old one: the removal is the last step.
    effect: (e) => e.type === 'queue.member' && e.payload.agentId === agentId && e.payload.queue === fromQueue && e.payload.change === 'removed',
    timeoutMs: STATE_MS,
  });
}
