import type { AgentSegment, Call } from './call.ts';
import type { EpochMs } from './types.ts';

export interface SegmentStart {
  readonly extension: string;
  readonly uniqueid: string;
  readonly queue: string | null;
  readonly role: AgentSegment['role'];
}

export function openSegmentOf(call: Call, uniqueid: string): AgentSegment | undefined {
  const segments = call.facts.segments;
  for (let i = segments.length - 1; i >= 0; i--) {
    const s = segments[i]!;
    if (s.uniqueid === uniqueid && s.endedAt === null) return s;
  }
  return undefined;
}

/** An extension starts to hold the call (answer, transfer completed). A leg already holding it keeps its segment. */
export function openSegment(call: Call, start: SegmentStart, now: EpochMs): AgentSegment {
  const existing = openSegmentOf(call, start.uniqueid);
  if (existing !== undefined) return existing;
  const joined = start.queue === null ? null : (call.facts.queueJoins.get(start.queue) ?? null);
  const segment: AgentSegment = { ...start, queueJoinedAt: joined, answeredAt: now, endedAt: null, end: null };
  call.facts.segments.push(segment);
  return segment;
}

/** The leg left the call: its segment (if any) ends now. */
export function closeSegment(call: Call, uniqueid: string, end: 'transfer' | 'hangup', now: EpochMs): void {
  const segment = openSegmentOf(call, uniqueid);
  if (segment === undefined) return;
  segment.endedAt = now;
  segment.end = end;
}

/** The call ended: segments still open end with it. */
export function closeAllSegments(call: Call, now: EpochMs): void {
  for (const s of call.facts.segments) {
    if (s.endedAt !== null) continue;
    s.endedAt = now;
    s.end = 'hangup';
  }
}
