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
import { useT } from '../../i18n/index.ts';

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
  { header: 'Agent', value: (c) => c.agentName ?? '' },
  { header: 'Extension', value: (c) => c.extension },
  { header: 'Wait (s)', value: (c) => c.waitSeconds },
  { header: 'Talk (s)', value: (c) => c.talkSeconds },
  { header: 'Outcome', value: (c) => c.outcome },
  { header: 'Call id', value: (c) => c.callId },
  ...DISPOSITION_CSV,
];

/** Every archived call, filtered by date, queue, agent, number and outcome. */
export function CallLogPage() {
  const { t } = useT('admin');
  const client = useClient();
  const [range, setRange] = useState(() => lastDays(1));
  const [queue, setQueue] = useState('');
  const [agentName, setAgentName] = useState('');
  const [number, setNumber] = useState('');
  const [outcome, setOutcome] = useState('');
  const [offset, setOffset] = useState(0);
  const query: CallRecordQuery = {
    ...rangeToIso(range),
    ...(queue.trim() ? { queue: queue.trim() } : {}),
    ...(agentName.trim() ? { agentName: agentName.trim() } : {}),
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
          <h1>{t('calls.title')}</h1>
          <p>{page.data ? t('calls.total', { count: page.data.total }) : t('crud.loading')}</p>
        </div>
        <div className="spacer" />
        <button type="button" className="btn" disabled={rows.length === 0} onClick={() => downloadText(`calls_${range.from}_${range.to}.csv`, toCsv(CSV, rows))} data-testid="call-log-export">
          {t('calls.export')}
        </button>
      </div>
      <div className="filters" onChange={() => setOffset(0)}>
        <DateRangePicker value={range} onChange={(r) => { setRange(r); setOffset(0); }} />
        <label className="field"><span>{t('calls.queue')}</span><input className="input mono" value={queue} onChange={(e) => setQueue(e.target.value)} placeholder="lang-en" /></label>
        <label className="field"><span>{t('calls.agent')}</span><input className="input" value={agentName} onChange={(e) => setAgentName(e.target.value)} placeholder={t('calls.agentPlaceholder')} data-testid="call-log-agent" /></label>
        <label className="field"><span>{t('calls.number')}</span><input className="input mono" value={number} onChange={(e) => setNumber(e.target.value)} data-testid="call-log-number" /></label>
        <label className="field">
          <span>{t('calls.outcome')}</span>
          <select className="input" value={outcome} onChange={(e) => setOutcome(e.target.value)} data-testid="call-log-outcome">
            <option value="">{t('calls.any')}</option>
            {CALL_OUTCOMES.map((o) => <option key={o} value={o}>{t(`calls.outcomes.${o}`, { defaultValue: o })}</option>)}
          </select>
        </label>
      </div>
      <Card flush>
        {rows.length === 0 ? (
          <EmptyState icon={<Icon name="list" size={30} />} title={page.loading ? t('crud.loading') : t('calls.none')} />
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="call-log-table">
              <thead>
                <tr><th>{t('calls.colStarted')}</th><th>{t('calls.colCaller')}</th><th>{t('calls.queue')}</th><th>{t('calls.agent')}</th><th className="num">{t('calls.colWait')}</th><th className="num">{t('calls.colTalk')}</th><th>{t('calls.outcome')}</th><DispositionHeader /></tr>
              </thead>
              <tbody>
                {rows.map((c) => (
                  <tr key={`${c.callId}-${c.agentId ?? ''}`} data-testid="call-log-row">
                    <td className="small">{formatDateTime(c.startedAt)}</td>
                    <td><span className="mono">{formatPhone(c.callerNumber)}</span>{c.callerName && <div className="small muted">{c.callerName}</div>}</td>
                    <td>{c.queue ?? <span className="muted">{c.direction}</span>}</td>
                    <td data-testid="call-log-agent-name">{c.agentName ?? (c.agentId ? t('calls.unknownAgent') : '—')}</td>
                    <td className="num mono">{formatDurationLong(c.waitSeconds)}</td>
                    <td className="num mono">{formatDurationLong(c.talkSeconds)}</td>
                    <td>{t(`calls.outcomes.${c.outcome}`, { defaultValue: c.outcome })}</td>
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
