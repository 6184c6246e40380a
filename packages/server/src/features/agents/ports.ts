/** The data the agent workflow reads and writes. Implemented over the repositories. */

export interface AgentProfile {
  id: string;
  userId: string;
  name: string;
  defaultExtension: string | null;
  /** Extensions this agent may name when the workstation is unknown (default extension included). */
  allowedExtensions: string[];
  /** Per-agent wrap-up override in seconds; null uses the queue or global policy. */
  wrapupSeconds: number | null;
}

export type { QueueAssignment, TimesheetState } from '../../contact-center/signed-in-agent.ts';
import type { DispositionDue, QueueAssignment, TimesheetState } from '../../contact-center/signed-in-agent.ts';

export interface WorkstationMatch {
  id: string;
  name: string;
  pbx: string;
  extension: string;
}

export interface PauseReasonInfo {
  code: string;
  label: string;
  maxSeconds: number | null;
}

export interface WrapupRule {
  seconds: number;
  mode: 'timeout' | 'manual';
}

export interface AgentDirectory {
  agent(agentId: string): Promise<AgentProfile | undefined>;
  queueAssignments(agentId: string): Promise<QueueAssignment[]>;
  matchWorkstation(query: { mac?: string; ip?: string }): Promise<WorkstationMatch | undefined>;
  /** A registered desk by id (a supervisor moving an agent names the desk). */
  workstation(id: string): Promise<WorkstationMatch | undefined>;
  pauseReason(code: string): Promise<PauseReasonInfo | undefined>;
  /** The wrap-up that applies after a call from `queue` (agent override, then queue, then global). */
  wrapupRule(agent: AgentProfile, queue: string | null): Promise<WrapupRule>;
  /** Whether calls from this queue need a disposition before the agent is Ready. Absent: never. */
  dispositionRequired?(pbx: string, queue: string): Promise<boolean>;
  /** Whether the call's record carries a disposition (set through any node). */
  dispositionSet?(pbx: string, callId: string): Promise<boolean>;
}

export interface Timesheet {
  openSession(input: {
    agentId: string;
    pbx: string;
    extension: string;
    workstationId: string | null;
    at: number;
  }): Promise<string>;
  closeSession(sessionId: string, at: number, reason: string): Promise<void>;
  /** Close the agent's open interval (if any) at `at` and open a new one. */
  recordState(input: {
    agentId: string;
    sessionId: string;
    extension: string;
    state: TimesheetState;
    reason: string | null;
    at: number;
  }): Promise<void>;
  /** Sessions still open (after a server restart, they are re-applied). */
  openSessions(): Promise<Array<{ sessionId: string; agentId: string; pbx: string; extension: string; signedInAt: number }>>;
}

/** A signed-in agent's workflow state as it was saved (see agent-presence.ts). */
export interface SavedAgent {
  agentId: string;
  sessionId: string;
  pbx: string;
  extension: string;
  workstationId: string | null;
  state: TimesheetState;
  reason: string | null;
  since: number;
  wrapupEndsAt: number | null;
  pauseAfterCall: string | null;
  queues: QueueAssignment[];
  /** The call whose disposition the agent owes; absent in rows saved before dispositions existed. */
  dispositionDue?: DispositionDue | null;
}

/** Where the workflow keeps each signed-in agent's state across restarts. */
export interface PresenceStore {
  /** Save the agent's current state (in order with the agent's other changes). */
  save(agent: SavedAgent): void;
  /** Forget the agent (signed out). */
  remove(agentId: string): void;
  load(): Promise<SavedAgent[]>;
}
