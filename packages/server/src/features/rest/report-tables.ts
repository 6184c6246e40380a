/**
 * Each report as a table: typed columns, rows keyed by column, and a totals row. Percentages are
 * 0-100; durations are seconds. The figures come from the reports module, aggregated in the
 * database (see its modules for the exact definitions of service level, ASA, AHT and occupancy).
 */
import type { ReportColumn } from '@amiable/protocol';
import type { Repositories } from '../../persistence/repositories/index.ts';
import type { Reports } from '../../reports/index.ts';
import { queueKey } from '../../reports/index.ts';
import type { ReportRange } from '../../reports/report-range.ts';

export type Cell = string | number | null;
export interface ReportTable {
  columns: ReportColumn[];
  rows: Record<string, Cell>[];
  totals: Record<string, Cell> | null;
}

export interface TableInput {
  reports: Reports;
  repos: Repositories;
  range: ReportRange;
  /** Only these agents (agent reports); undefined for all. */
  agentIds: string[] | undefined;
  interval: 'hour' | 'day';
  serviceLevelSeconds: number | undefined;
}

export const col = (key: string, label: string, type: ReportColumn['type']): ReportColumn => ({ key, label, type });

/** An agent as reports name her: display name, else username, else id. */
const agentLabel = (r: { displayName?: string | null; username?: string | null; agentId: string }) => r.displayName || r.username || r.agentId;
const round = (n: number | null, digits = 2): number | null => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits);
const percent = (ratio: number | null): number | null => round(ratio === null ? null : ratio * 100);
const ratio = (n: number, d: number): number | null => (d > 0 ? n / d : null);
const sum = <T>(rows: readonly T[], pick: (row: T) => number | null): number => rows.reduce((acc, r) => acc + (pick(r) ?? 0), 0);
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** A queue's display name, else the queue as Asterisk names it. */
async function queueLabeller(input: TableInput): Promise<(pbx: string, queue: string) => string> {
  const names = await input.reports.queueNames();
  return (pbx, queue) => names.get(queueKey(pbx, queue)) ?? queue;
}

export async function queueSummaryTable(input: TableInput): Promise<ReportTable> {
  const [summary, queueName] = await Promise.all([
    input.reports.queueSummary({
      ...input.range,
      ...(input.serviceLevelSeconds ? { serviceLevelSeconds: input.serviceLevelSeconds } : {}),
    }),
    queueLabeller(input),
  ]);
  const figures = (s: (typeof summary)['total']) => ({
    offered: s.offered,
    answered: s.answered,
    abandoned: s.abandoned,
    serviceLevel: percent(s.serviceLevel),
    asaSeconds: round(s.asaSeconds),
    ahtSeconds: round(s.ahtSeconds),
    abandonRate: percent(s.abandonRate),
    talkSeconds: round(s.totalTalkSeconds),
    holdSeconds: round(s.totalHoldSeconds),
    wrapupSeconds: round(s.totalWrapupSeconds),
    longestWaitSeconds: round(s.longestWaitSeconds),
  });
  return {
    columns: [
      col('queue', 'Queue', 'string'),
      col('offered', 'Offered', 'number'),
      col('answered', 'Answered', 'number'),
      col('abandoned', 'Abandoned', 'number'),
      col('serviceLevel', 'Service level', 'percent'),
      col('asaSeconds', 'Average speed of answer', 'seconds'),
      col('ahtSeconds', 'Average handle time', 'seconds'),
      col('abandonRate', 'Abandon rate', 'percent'),
      col('talkSeconds', 'Talk time', 'seconds'),
      col('holdSeconds', 'Hold time', 'seconds'),
      col('wrapupSeconds', 'Wrap-up time', 'seconds'),
      col('longestWaitSeconds', 'Longest wait', 'seconds'),
      col('thresholdSeconds', 'Service-level threshold', 'seconds'),
    ],
    rows: summary.queues.map((q) => ({ queue: queueName(q.pbx, q.queue), ...figures(q), thresholdSeconds: q.thresholdSeconds })),
    totals: { queue: 'All queues', ...figures(summary.total), thresholdSeconds: null },
  };
}

export async function agentActivityTable(input: TableInput): Promise<ReportTable> {
  const rows = await input.reports.agentSummary({ ...input.range, ...(input.agentIds ? { agentIds: input.agentIds } : {}) });
  const answered = sum(rows, (r) => r.answered);
  const handle = sum(rows, (r) => r.talkSeconds + r.holdSeconds + r.wrapupSeconds);
  return {
    columns: [
      col('agent', 'Agent', 'string'),
      col('answered', 'Answered', 'number'),
      col('talkSeconds', 'Talk time', 'seconds'),
      col('holdSeconds', 'Hold time', 'seconds'),
      col('wrapupSeconds', 'Wrap-up time', 'seconds'),
      col('ahtSeconds', 'Average handle time', 'seconds'),
      col('averageRingSeconds', 'Average ring time', 'seconds'),
      col('transferred', 'Transferred', 'number'),
    ],
    rows: rows.map((r) => ({
      agent: agentLabel(r),
      answered: r.answered,
      talkSeconds: round(r.talkSeconds),
      holdSeconds: round(r.holdSeconds),
      wrapupSeconds: round(r.wrapupSeconds),
      ahtSeconds: round(r.ahtSeconds),
      averageRingSeconds: round(r.averageRingSeconds),
      transferred: r.transferred,
    })),
    totals: {
      agent: 'All agents',
      answered,
      talkSeconds: round(sum(rows, (r) => r.talkSeconds)),
      holdSeconds: round(sum(rows, (r) => r.holdSeconds)),
      wrapupSeconds: round(sum(rows, (r) => r.wrapupSeconds)),
      ahtSeconds: round(ratio(handle, answered)),
      averageRingSeconds: round(ratio(sum(rows, (r) => (r.averageRingSeconds ?? 0) * r.answered), answered)),
      transferred: sum(rows, (r) => r.transferred),
    },
  };
}

export async function agentTimesheetTable(input: TableInput): Promise<ReportTable> {
  const rows = await input.reports.agentTimesheet({ ...input.range, ...(input.agentIds ? { agentIds: input.agentIds } : {}) });
  const seconds = ['signedInSeconds', 'readySeconds', 'ringingSeconds', 'talkSeconds', 'wrapupSeconds', 'pausedSeconds'] as const;
  const total = Object.fromEntries(seconds.map((k) => [k, sum(rows, (r) => r[k])])) as Record<(typeof seconds)[number], number>;
  return {
    columns: [
      col('agent', 'Agent', 'string'),
      col('sessions', 'Sessions', 'number'),
      col('firstSignInAt', 'First sign-in', 'timestamp'),
      col('lastSignOutAt', 'Last sign-out', 'timestamp'),
      col('signedInSeconds', 'Signed in', 'seconds'),
      col('readySeconds', 'Ready', 'seconds'),
      col('ringingSeconds', 'Ringing', 'seconds'),
      col('talkSeconds', 'On call', 'seconds'),
      col('wrapupSeconds', 'Wrap-up', 'seconds'),
      col('pausedSeconds', 'Paused', 'seconds'),
      col('occupancy', 'Occupancy', 'percent'),
    ],
    rows: rows.map((r) => ({
      agent: agentLabel(r),
      sessions: r.sessions,
      firstSignInAt: isoOrNull(r.firstSignInAt),
      lastSignOutAt: isoOrNull(r.lastSignOutAt),
      ...Object.fromEntries(seconds.map((k) => [k, round(r[k])])),
      occupancy: percent(r.occupancy),
    })),
    totals: {
      agent: 'All agents',
      sessions: sum(rows, (r) => r.sessions),
      firstSignInAt: isoOrNull(rows.reduce<number | null>((m, r) => (r.firstSignInAt === null ? m : Math.min(m ?? r.firstSignInAt, r.firstSignInAt)), null)),
      lastSignOutAt: isoOrNull(rows.reduce<number | null>((m, r) => (r.lastSignOutAt === null ? m : Math.max(m ?? 0, r.lastSignOutAt)), null)),
      ...Object.fromEntries(seconds.map((k) => [k, round(total[k])])),
      occupancy: percent(ratio(total.talkSeconds + total.wrapupSeconds, total.signedInSeconds - total.pausedSeconds)),
    },
  };
}

/** Paused time by reason (over the agents in reach), with the reason's label and whether it is paid. */
export async function pauseSummaryTable(input: TableInput): Promise<ReportTable> {
  const [sheets, reasons] = await Promise.all([
    input.reports.agentTimesheet({ ...input.range, ...(input.agentIds ? { agentIds: input.agentIds } : {}) }),
    input.repos.pauseReasons.list(),
  ]);
  const byCode = new Map(reasons.map((r) => [r.code, r]));
  const perReason = new Map<string, { seconds: number; agents: Set<string> }>();
  for (const sheet of sheets) {
    for (const [code, seconds] of Object.entries(sheet.pausedByReason)) {
      const entry = perReason.get(code) ?? { seconds: 0, agents: new Set<string>() };
      entry.seconds += seconds;
      entry.agents.add(sheet.agentId);
      perReason.set(code, entry);
    }
  }
  const total = sum([...perReason.values()], (e) => e.seconds);
  const rows = [...perReason.entries()]
    .sort((a, b) => b[1].seconds - a[1].seconds || a[0].localeCompare(b[0]))
    .map(([code, e]) => {
      const reason = byCode.get(code);
      return {
        label: reason?.label ?? (code === '' ? 'No reason given' : code),
        code: code === '' ? null : code,
        paid: reason ? (reason.paid ? 'yes' : 'no') : null,
        pausedSeconds: round(e.seconds),
        agents: e.agents.size,
        share: percent(ratio(e.seconds, total)),
      };
    });
  return {
    columns: [
      col('label', 'Reason', 'string'),
      col('code', 'Code', 'string'),
      col('paid', 'Paid', 'string'),
      col('pausedSeconds', 'Paused', 'seconds'),
      col('agents', 'Agents', 'number'),
      col('share', 'Share', 'percent'),
    ],
    rows,
    totals: {
      label: 'All reasons',
      code: null,
      paid: null,
      pausedSeconds: round(total),
      agents: new Set(sheets.filter((s) => s.pausedSeconds > 0).map((s) => s.agentId)).size,
      share: total > 0 ? 100 : null,
    },
  };
}

/** Calls per hour of the day (summed over the range's days), or per day with `interval=day`. */
export async function callsByTimeTable(input: TableInput): Promise<ReportTable> {
  const byDay = input.interval === 'day';
  const buckets = byDay
    ? (await input.reports.callsByDay(input.range)).map(({ date, ...b }) => ({ label: date, ...b }))
    : (await input.reports.callsByHour(input.range)).map(({ hour, ...b }) => ({ label: `${String(hour).padStart(2, '0')}:00`, ...b }));
  const answered = sum(buckets, (b) => b.answered);
  const key = byDay ? 'day' : 'hour';
  return {
    columns: [
      col(key, byDay ? 'Day' : 'Hour', 'string'),
      col('offered', 'Offered', 'number'),
      col('answered', 'Answered', 'number'),
      col('abandoned', 'Abandoned', 'number'),
      col('asaSeconds', 'Average speed of answer', 'seconds'),
    ],
    rows: buckets.map((b) => ({ [key]: b.label, offered: b.offered, answered: b.answered, abandoned: b.abandoned, asaSeconds: round(b.asaSeconds) })),
    totals: {
      [key]: 'All',
      offered: sum(buckets, (b) => b.offered),
      answered,
      abandoned: sum(buckets, (b) => b.abandoned),
      asaSeconds: round(ratio(sum(buckets, (b) => (b.asaSeconds ?? 0) * b.answered), answered)),
    },
  };
}

/** Occupancy per agent: (talk + hold + wrap-up) / (signed in - paused), from the timesheet. */
export async function agentOccupancyTable(input: TableInput): Promise<ReportTable> {
  const rows = await input.reports.agentTimesheet({ ...input.range, ...(input.agentIds ? { agentIds: input.agentIds } : {}) });
  const figures = (signedIn: number, paused: number, onCall: number, wrapup: number) => ({
    signedInSeconds: round(signedIn),
    pausedSeconds: round(paused),
    availableSeconds: round(signedIn - paused),
    onCallSeconds: round(onCall),
    wrapupSeconds: round(wrapup),
    occupancy: percent(ratio(onCall + wrapup, signedIn - paused)),
  });
  return {
    columns: [
      col('agent', 'Agent', 'string'),
      col('occupancy', 'Occupancy', 'percent'),
      col('signedInSeconds', 'Signed in', 'seconds'),
      col('pausedSeconds', 'Paused', 'seconds'),
      col('availableSeconds', 'Signed in, not paused', 'seconds'),
      col('onCallSeconds', 'Talk and hold', 'seconds'),
      col('wrapupSeconds', 'Wrap-up', 'seconds'),
    ],
    rows: rows.map((r) => ({
      agent: agentLabel(r),
      ...figures(r.signedInSeconds, r.pausedSeconds, r.talkSeconds, r.wrapupSeconds),
    })),
    totals: {
      agent: 'All agents',
      ...figures(
        sum(rows, (r) => r.signedInSeconds),
        sum(rows, (r) => r.pausedSeconds),
        sum(rows, (r) => r.talkSeconds),
        sum(rows, (r) => r.wrapupSeconds),
      ),
    },
  };
}

/** Calls per local hour of the day, one row per queue and hour that had calls. */
export async function callsByQueueHourTable(input: TableInput): Promise<ReportTable> {
  const [buckets, queueName] = await Promise.all([input.reports.callsByQueueHour(input.range), queueLabeller(input)]);
  return {
    columns: [
      col('queue', 'Queue', 'string'),
      col('hour', 'Hour', 'string'),
      col('offered', 'Offered', 'number'),
      col('answered', 'Answered', 'number'),
      col('abandoned', 'Abandoned', 'number'),
    ],
    rows: buckets.map((b) => ({
      queue: queueName(b.pbx, b.queue),
      hour: `${String(b.hour).padStart(2, '0')}:00`,
      offered: b.offered,
      answered: b.answered,
      abandoned: b.abandoned,
    })),
    totals: {
      queue: 'All queues',
      hour: null,
      offered: sum(buckets, (b) => b.offered),
      answered: sum(buckets, (b) => b.answered),
      abandoned: sum(buckets, (b) => b.abandoned),
    },
  };
}

/** Abandoned calls by the time the caller waited, with each bucket's share and the running share. */
export async function abandonByWaitTable(input: TableInput): Promise<ReportTable> {
  const buckets = await input.reports.abandonByWait(input.range);
  const total = sum(buckets, (b) => b.abandoned);
  let running = 0;
  return {
    columns: [
      col('wait', 'Wait before hanging up', 'string'),
      col('abandoned', 'Abandoned', 'number'),
      col('share', 'Share', 'percent'),
      col('cumulativeShare', 'Cumulative share', 'percent'),
    ],
    rows: buckets.map((b) => {
      running += b.abandoned;
      return {
        wait: b.toSeconds === null ? `≥ ${b.fromSeconds} s` : `${b.fromSeconds}–${b.toSeconds} s`,
        abandoned: b.abandoned,
        share: percent(ratio(b.abandoned, total)),
        cumulativeShare: percent(ratio(running, total)),
      };
    }),
    totals: { wait: 'All waits', abandoned: total, share: total > 0 ? 100 : null, cumulativeShare: null },
  };
}

/** Calls per queue and disposition code, with each code's share of the queue's calls. */
export async function dispositionCountsTable(input: TableInput): Promise<ReportTable> {
  const [counts, queueName, configured] = await Promise.all([
    input.reports.dispositionCounts(input.range),
    queueLabeller(input),
    input.repos.dispositions.list(),
  ]);
  // The label each queue gives its codes; a code no longer configured shows as itself.
  const labels = new Map(configured.flatMap((q) => q.codes.map((c) => [`${queueKey(q.pbx, q.queue)}\u0000${c.code}`, c.label] as const)));
  const perQueue = new Map<string, number>();
  for (const c of counts) perQueue.set(queueKey(c.pbx, c.queue), (perQueue.get(queueKey(c.pbx, c.queue)) ?? 0) + c.calls);
  return {
    columns: [
      col('queue', 'Queue', 'string'),
      col('disposition', 'Disposition', 'string'),
      col('code', 'Code', 'string'),
      col('calls', 'Calls', 'number'),
      col('share', 'Share of the queue', 'percent'),
    ],
    rows: counts.map((c) => ({
      queue: queueName(c.pbx, c.queue),
      disposition: c.disposition === null ? null : (labels.get(`${queueKey(c.pbx, c.queue)}\u0000${c.disposition}`) ?? c.disposition),
      code: c.disposition,
      calls: c.calls,
      share: percent(ratio(c.calls, perQueue.get(queueKey(c.pbx, c.queue)) ?? 0)),
    })),
    totals: { queue: 'All queues', disposition: null, code: null, calls: sum(counts, (c) => c.calls), share: null },
  };
}
