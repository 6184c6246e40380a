/**
 * Who sits where right now, as the agent workflow knows it. The router asks it when it compiles
 * what a client may see (an agent sees the desk they sit at) and when it routes an agent's event
 * (a supervisor sees the members of their queues).
 */
export interface LiveReach {
  /** The desk the agent is signed in at, if any. */
  seatOf(agentId: string): { pbx: string; extension: string } | undefined;
  /** The queues the agent is a member of now, as `pbxKey(pbx, queue)` keys. */
  memberOf(agentId: string): readonly string[];
}
