import type { CallRecord } from '../../call-records/call-record.ts';
import { epochSeconds, seconds } from '../../call-records/time.ts';
import type { AgentInterval } from '../../contact-center/agent-state.ts';

/** The JSON line of an agent interval: times in epoch seconds, plus its length. */
export interface AgentIntervalLine {
  readonly type: 'agent-interval';
  readonly pbx: string;
  readonly extension: string;
  readonly state: string;
  readonly reason: string | null;
  readonly queue: string | null;
  readonly from: number;
  readonly to: number | null;
  readonly seconds: number | null;
  readonly linkedid: string | null;
  readonly callQueue: string | null;
}

export function intervalLine(iv: AgentInterval): AgentIntervalLine {
  return {
    type: 'agent-interval',
    pbx: iv.pbx,
    extension: iv.extension,
    state: iv.state,
    reason: iv.reason,
    queue: iv.queue,
    from: epochSeconds(iv.from),
    to: iv.to === null ? null : epochSeconds(iv.to),
    seconds: iv.to === null ? null : seconds(iv.from, iv.to),
    linkedid: iv.linkedid,
    callQueue: iv.callQueue,
  };
}

function clock(epochSecondsValue: number | null): string {
  if (epochSecondsValue === null) return '-';
  return new Date(epochSecondsValue * 1000).toISOString().slice(11, 23);
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const dash = (v: string | number | null): string => (v === null ? '-' : String(v));

export function callsTable(calls: readonly CallRecord[]): string {
  const header = ['start (UTC)', 'caller', 'name', 'queue', 'direction', 'outcome', 'answered', 'wait s', 'talk s', 'hold s', 'hangup by', 'transfers'];
  const rows = calls.map((c) => [
    clock(c.startedAt),
    dash(c.callerNumber),
    dash(c.callerName),
    dash(c.queue),
    c.direction,
    c.outcome,
    dash(c.answeredBy),
    c.waitSeconds.toFixed(1),
    c.talkSeconds.toFixed(1),
    c.holdSeconds.toFixed(1),
    c.hangupBy,
    c.transfers.map((t) => `${t.type} ${dash(t.from)}→${dash(t.to)}`).join(', ') || '-',
  ]);
  return table(header, rows);
}

export function intervalsTable(lines: readonly AgentIntervalLine[]): string {
  const header = ['extension', 'state', 'reason', 'queue', 'from (UTC)', 'to (UTC)', 'seconds'];
  const rows = lines.map((l) => [
    l.extension,
    l.state,
    dash(l.reason),
    l.queue ?? 'all',
    clock(l.from),
    clock(l.to),
    l.seconds === null ? 'open' : l.seconds.toFixed(1),
  ]);
  return table(header, rows);
}
