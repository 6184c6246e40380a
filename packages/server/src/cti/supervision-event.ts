import type { EventPayload } from '@amiable/protocol';
import type { CallSpy, PbxModel } from '../telephony/index.ts';

export interface SupervisionContext {
  model: PbxModel | undefined;
  /** The agent at an extension, if one is signed in there. */
  agentIdAt(extension: string): string | undefined;
  /** The user who asked this server to spy from that extension, if any. */
  supervisorAt(extension: string): string | null;
}

/** A ChanSpy session as the catalogue's `call.supervision` event: who listens to whom, in which mode. */
export function supervisionPayload(c: CallSpy, ctx: SupervisionContext): EventPayload<'call.supervision'> {
  const call = ctx.model?.calls.get(c.linkedid);
  return {
    callId: c.linkedid,
    extension: c.extension,
    agentId: c.extension ? (ctx.agentIdAt(c.extension) ?? null) : null,
    queue: call?.facts.queues.at(-1) ?? null,
    supervisorExtension: c.spyerExtension,
    supervisor: c.spyerExtension ? ctx.supervisorAt(c.spyerExtension) : null,
    mode: c.mode,
    state: c.phase === 'started' ? 'started' : 'ended',
  };
}
