import type { CallRecord, CallRecordQuery } from '@amiable/protocol';
import { CALL_OUTCOMES } from '@amiable/protocol';
import { useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useAsync } from '../../app/use-async.ts';
import { type CsvColumn, downloadText, toCsv } from '../../lib/csv.ts';
import { formatDateTime, formatDurationLong, formatPhone } from '../../lib/format.ts';
import { lastDays, rangeToIso } from '../../lib/time-range.ts';
import { Card } from '../../ui/card.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { DateRangePicker } from './date-range-picker.tsx';
import { Pager } from './pager.tsx';
import { Icon } from '../../ui/icon.tsx';
import { DISPOSITION_CSV, DispositionCell, DispositionHeader } from './wrapup-call-log-cells.tsx';

const PAGE = 100;

const CSV: CsvColumn<CallRecord>[] = [
  { header: 'Started', value: (c) => c.startedAt },
  { header: 'Answered', value: (c) => c.answeredAt },
  { header: 'Ended', value: (c) => c.endedAt },
  { header: 'Direction', value: (c) => c.direction },
  { header: 'Caller number', value: (c) => c.callerNumber },
  { header: 'Caller name', value: (c) => c.callerName },
  { header: 'Called number', value: (c) => c.calledNumber },
  { header: 'Queue', value: (c) => c.queue },
  { header: 'Agent', value: (c) => c.agentId },
  { header: 'Extension', value: (c) => c.extension },
  { header: 'Wait (s)', value: (c) => c.waitSeconds },
  { header: 'Talk (s)', value: (c) => c.talkSeconds },
  { header: 'Outcome', value: (c) => c.outcome },
  { header: 'Call id', value: (c) => c.callId },
  ...DISPOSITION_CSV,
];

/** Every archived call, filtered by date, queue, agent, number and outcome. */
export function CallLogPage() {
  const client = useClient();
  const [range, setRange] = useState(() => lastDays(1));
  const [queue, setQueue] = useState('');
  const [agentId, setAgentId] = useState('');
  const [number, setNumber] = useState('');
  const [outcome, setOutcome] = useState('');
  const [offset, setOffset] = useState(0);
  const query: CallRecordQuery = {
    ...rangeToIso(range),
    ...(queue.trim() ? { queue: queue.trim() } : {}),
    ...(agentId.trim() ? { agentId: agentId.trim() } : {}),
    ...(number.trim() ? { number: number.trim() } : {}),
    ...(outcome ? { outcome: outcome as CallRecord['outcome'] } : {}),
  };
  const key = JSON.stringify(query);
  const page = useAsync(() => client.api.calls.list({ ...query, limit: PAGE, offset }), [client, key, offset]);
  const rows = page.data?.items ?? [];

  return (
    <div className="content" data-testid="admin-call-log">
      <div className="page-header">
        <div>
          <h1>Call log</h1>
          <p>{page.data ? `${page.data.total} calls` : 'Loading…'}</p>
        </div>
        <div className="spacer" />
        <button type="button" className="btn" disabled={rows.length === 0} onClick={() => downloadText(`calls_${range.from}_${range.to}.csv`, toCsv(CSV, rows))} data-testid="call-log-export">
          Export CSV
        </button>
      </div>
      <div className="filters" onChange={() => setOffset(0)}>
        <DateRangePicker value={range} onChange={(r) => { setRange(r); setOffset(0); }} />
        <label className="field"><span>Queue</span><input className="input mono" value={queue} onChange={(e) => setQueue(e.target.value)} placeholder="lang-en" /></label>
        <label className="field"><span>Agent</span><input className="input mono" value={agentId} onChange={(e) => setAgentId(e.target.value)} /></label>
        <label className="field"><span>Number</span><input className="input mono" value={number} onChange={(e) => setNumber(e.target.value)} data-testid="call-log-number" /></label>
        <label className="field">
          <span>Outcome</span>
          <select className="input" value={outcome} onChange={(e) => setOutcome(e.target.value)} data-testid="call-log-outcome">
            <option value="">Any</option>
            {CALL_OUTCOMES.map((o) => <option key={o} value={o}>{o}</option>)}
          </select>
        </label>
      </div>
      <Card flush>
        {rows.length === 0 ? (
          <EmptyState icon={<Icon name="list" size={30} />} title={page.loading ? 'Loading…' : 'No calls match'} />
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="call-log-table">
              <thead>
                <tr><th>Started</th><th>Caller</th><th>Queue</th><th>Agent</th><th className="num">Wait</th><th className="num">Talk</th><th>Outcome</th><DispositionHeader /></tr>
              </thead>
              <tbody>
                {rows.map((c) => (
                  <tr key={`${c.callId}-${c.agentId ?? ''}`} data-testid="call-log-row">
                    <td className="small">{formatDateTime(c.startedAt)}</td>
                    <td><span className="mono">{formatPhone(c.callerNumber)}</span>{c.callerName && <div className="small muted">{c.callerName}</div>}</td>
                    <td>{c.queue ?? <span className="muted">{c.direction}</span>}</td>
                    <td className="mono small">{c.agentId ?? '—'}</td>
                    <td className="num mono">{formatDurationLong(c.waitSeconds)}</td>
                    <td className="num mono">{formatDurationLong(c.talkSeconds)}</td>
                    <td>{c.outcome}</td>
                    <DispositionCell call={c} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager offset={offset} limit={PAGE} total={page.data?.total ?? 0} onChange={setOffset} />
      </Card>
    </div>
  );
}
