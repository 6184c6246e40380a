/** A queue an agent is a member of while signed in. */
export interface QueueAssignment {
  pbx: string;
  queue: string;
  penalty: number;
  /** The skill or language this queue stands for (for display), e.g. 'fr'. */
  skill: string | null;
}

/** The workflow states the timesheet records. */
export type TimesheetState = 'ready' | 'paused' | 'wrap-up';

/** An agent who is signed in at an extension: the CTI server's own state, which Asterisk does not have. */
export interface SignedInAgent {
  agentId: string;
  name: string;
  pbx: string;
  extension: string;
  /** Asterisk interface, e.g. `PJSIP/1001`. */
  iface: string;
  sessionId: string;
  workstationId: string | null;
  queues: QueueAssignment[];
  state: TimesheetState;
  reason: string | null;
  since: number;
  /** When wrap-up ends by itself (timeout policy), epoch ms; null otherwise. */
  wrapupEndsAt: number | null;
  /** A pause reason to apply when the current call ends ("pause after this call"). */
  pauseAfterCall: string | null;
  /**
   * Set at AgentComplete, before Asterisk confirms the pause that follows the call: what the
   * agent goes to (wrap-up, or paused with the pause-after-call reason), from when. Clients see it
   * at once, so the agent never shows "ready" between the call and wrap-up.
   */
  afterCall: { state: 'wrap-up' | 'paused'; reason: string; at: number } | null;
  /** Who made the last pause change: this server, or another AMI application. */
  changedBy: 'server' | 'external';
  /**
   * The call whose disposition the agent owes: its queue requires one before Ready. Set when the
   * call completes, cleared once the disposition is on the call record (or a supervisor forces Ready).
   */
  dispositionDue: DispositionDue | null;
}

/** A call whose disposition an agent still owes. */
export interface DispositionDue {
  /** The call id (Asterisk linkedid). */
  callId: string;
  queue: string;
}

export type AgentWorkflowEvent =
  | { type: 'signed-in'; agent: Readonly<SignedInAgent>; at: number; movedFrom: string | null }
  | { type: 'signed-out'; agent: Readonly<SignedInAgent>; at: number; reason: string }
  | { type: 'state'; agent: Readonly<SignedInAgent>; at: number }
  | { type: 'queues'; agent: Readonly<SignedInAgent>; at: number }
  /** Something the server did for the agent by itself failed. */
  | { type: 'failed'; agent: Readonly<SignedInAgent>; at: number; action: string; error: Error };

/** Public, copyable view of a signed-in agent. */
export function snapshotAgent(agent: SignedInAgent): Readonly<SignedInAgent> {
  return Object.freeze({ ...agent, queues: agent.queues.map((q) => ({ ...q })), afterCall: agent.afterCall && { ...agent.afterCall },
    dispositionDue: agent.dispositionDue && { ...agent.dispositionDue },
  });
}
