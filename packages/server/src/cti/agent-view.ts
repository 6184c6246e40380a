import type { AgentView } from '@amiable/protocol';
import type { SignedInAgent } from '../contact-center/signed-in-agent.ts';
import { iso } from './iso.ts';

/** States the phone drives (the workflow drives the others). */
export const PHONE_ACTIVITY: ReadonlySet<string> = new Set(['ringing', 'on-call']);

/** True when nothing a client shows changed between two views of one agent. */
export function sameAgentView(a: AgentView, b: AgentView): boolean {
  return (
    a.state === b.state &&
    a.reason === b.reason &&
    a.queues.join() === b.queues.join() &&
    a.wrapupEndsAt === b.wrapupEndsAt &&
    a.pauseAfterCall === b.pauseAfterCall &&
    a.extension === b.extension &&
    (a.dispositionDue?.callId ?? null) === (b.dispositionDue?.callId ?? null)
  );
}

/** The view of an agent who just signed out. */
export function loggedOutView(a: Readonly<SignedInAgent>, at: number): AgentView {
  return {
    agentId: a.agentId,
    name: a.name,
    state: 'logged-out',
    reason: null,
    since: iso(at),
    extension: a.extension,
    queues: [],
    wrapupEndsAt: null,
    pauseAfterCall: null,
    callId: null,
  };
}

/** Expand `{number}`, `{queue}`… in a per-queue screen-pop URL template. */
export function fillTemplate(template: string, values: Record<string, string | null>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(values[k] ?? ''));
}
