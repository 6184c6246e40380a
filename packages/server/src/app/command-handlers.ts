import type { CommandHandlers } from '../gateway/index.ts';
import type { Principal } from '../identity/index.ts';
import type { AgentService } from '../features/agents/agent-service.ts';
import type { CallService, Seat } from '../features/calls/call-service.ts';
import { trustedWorkstation } from '../features/agents/trusted-workstation.ts';
import { ServiceErrors } from '../features/common/service-errors.ts';
import type { RecordingRequester, RecordingService } from '../features/recording/recording-service.ts';

/**
 * Maps every command of the catalogue to the service that carries it out. The
 * gateway has already validated the arguments and checked permission and target.
 */
export function createCommandHandlers(deps: { agents: AgentService; calls: CallService; recordings: RecordingService }): CommandHandlers {
  const { agents, calls, recordings } = deps;
  const self = (p: Principal, args: { agentId?: string | undefined }): string => {
    const id = args.agentId ?? p.agentId;
    if (!id) throw ServiceErrors.noSuchAgent('This account is not an agent; name an agentId');
    return id;
  };
  const seatOf = (agentId: string): Seat => {
    const a = agents.get(agentId);
    if (!a) throw ServiceErrors.notSignedIn('The agent is not signed in', { agentId });
    return { pbx: a.pbx, extension: a.extension, name: a.name };
  };
  /**
   * The agent whose seat carries a call command: the one named (`agentId`, already checked against
   * the caller's scope by the gateway), else the caller's own seat, else (supervisors,
   * integrations, admins) the signed-in agent who has the call.
   */
  const callAgent = (p: Principal, args: { callId: string; agentId?: string | undefined }): { agentId: string; seat: Seat } => {
    if (args.agentId) return { agentId: args.agentId, seat: seatOf(args.agentId) };
    const own = p.agentId ? agents.get(p.agentId) : undefined;
    if (own && (p.role === 'agent' || calls.holds(seatOf(own.agentId), args.callId))) return { agentId: own.agentId, seat: seatOf(own.agentId) };
    if (p.role !== 'agent') {
      for (const a of agents.list()) {
        const seat = seatOf(a.agentId);
        if (calls.holds(seat, args.callId)) return { agentId: a.agentId, seat };
      }
      if (!own) throw ServiceErrors.noActiveCall('No signed-in agent has this call; name the agentId', { callId: args.callId });
    }
    return { agentId: self(p, {}), seat: seatOf(self(p, {})) };
  };
  const requester = (p: Principal, agentId: string | undefined): RecordingRequester => ({
    userId: p.userId,
    role: p.role,
    own: agentId === undefined || agentId === p.agentId,
  });
  const record = (op: 'start' | 'stop' | 'pause' | 'resume') => async (p: Principal, args: { callId: string; agentId?: string | undefined }) => {
    // The policy is checked before any lookup: an agent who may not record learns nothing about calls.
    recordings.assertAllowed(requester(p, args.agentId));
    const { agentId, seat } = callAgent(p, args);
    const channel = calls.channelOf(seat, args.callId);
    const leg = { pbx: seat.pbx, uniqueid: channel.uniqueid, name: channel.name, linkedid: channel.linkedid, extension: seat.extension, agentId, queue: channel.queue };
    const who = requester(p, agentId);
    if (op === 'start') return recordings.start(leg, who);
    if (op === 'stop') return recordings.stop(leg, who);
    return recordings.pause(leg, who, op === 'pause');
  };
  const spy = (mode: 'listen' | 'whisper' | 'barge') => async (p: Principal, args: { agentId: string }) => {
    const supervisorAgent = p.agentId ? agents.get(p.agentId) : undefined;
    const extension = supervisorAgent?.extension ?? p.extensions[0];
    if (!extension) throw ServiceErrors.extensionNotAllowed('You need an extension to listen from');
    const target = seatOf(args.agentId);
    await calls.spy({ pbx: target.pbx, extension, name: p.username }, target, mode);
    return { ok: true };
  };

  return {
    'agent.signIn': (p, args, ctx) =>
      agents.signIn(self(p, args), { extension: args.extension, ...trustedWorkstation(p, args.workstation, ctx.ip) }),
    'agent.signOut': async (p, args) => {
      await agents.signOut(self(p, args));
      return { ok: true };
    },
    'agent.ready': (p, args) => agents.ready(self(p, args)),
    'agent.pause': (p, args) => agents.pause(self(p, args), args.reason),
    'agent.pauseAfterCall': (p, args) => agents.pauseAfterCall(self(p, args), args.enabled, args.reason),
    'agent.endWrapup': (p, args) => agents.endWrapup(self(p, args)),
    'queue.join': (p, args) => agents.joinQueue(self(p, args), args.queue),
    'queue.leave': (p, args) => agents.leaveQueue(self(p, args), args.queue),
    'call.originate': (p, args) => {
      const seat = seatOf(self(p, {}));
      return calls.originate(seat, args.to);
    },
    'call.transfer': (p, args) => calls.transfer(callAgent(p, args).seat, args.callId, args.to, args.mode),
    'call.completeTransfer': async (p, args) => {
      await calls.hangup(callAgent(p, args).seat, args.callId);
      return { ok: true };
    },
    'call.hangup': async (p, args) => {
      await calls.hangup(callAgent(p, args).seat, args.callId);
      return { ok: true };
    },
    'recording.start': record('start'),
    'recording.stop': record('stop'),
    'recording.pause': record('pause'),
    'recording.resume': record('resume'),
    'supervisor.listen': spy('listen'),
    'supervisor.whisper': spy('whisper'),
    'supervisor.barge': spy('barge'),
    'supervisor.forceReady': (_p, args) => agents.ready(args.agentId, { force: true }),
    'supervisor.forcePause': (_p, args) => agents.pause(args.agentId, args.reason),
    'supervisor.forceSignOut': async (_p, args) => {
      await agents.signOut(args.agentId, 'forced');
      return { ok: true };
    },
    'supervisor.moveDesk': (_p, args) => agents.moveToDesk(args.agentId, args.workstationId),
    'supervisor.moveAgent': async (_p, args) => {
      await agents.joinQueue(args.agentId, args.toQueue);
      return agents.leaveQueue(args.agentId, args.fromQueue);
    },
  };
}
