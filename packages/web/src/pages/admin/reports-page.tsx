import type { ReportName, ReportResult } from '@amiable/protocol';
import { REPORT_NAMES } from '@amiable/protocol';
import { useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useLive } from '../../app/live-store.tsx';
import { useAsync } from '../../app/use-async.ts';
import { lastDays, rangeToIso } from '../../lib/time-range.ts';
import { Card } from '../../ui/card.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { DateRangePicker } from './date-range-picker.tsx';
import { ReportView } from './report-view.tsx';
import { Icon } from '../../ui/icon.tsx';

const TITLES: Record<ReportName, string> = {
  'queue-summary': 'Queues',
  'agent-activity': 'Agents',
  'agent-timesheet': 'Timesheet',
  'pause-summary': 'Pauses',
  'calls-by-hour': 'Calls by hour',
};

/** Reports over a date range, per queue and per agent, with charts and CSV export. */
export function ReportsPage() {
  const client = useClient();
  const live = useLive();
  const [report, setReport] = useState<ReportName>('queue-summary');
  const [range, setRange] = useState(() => lastDays(7));
  const [queue, setQueue] = useState('');
  const [agentId, setAgentId] = useState('');
  const result = useAsync<ReportResult>(
    () => client.api.reports.get(report, { ...rangeToIso(range), ...(queue ? { queue } : {}), ...(agentId ? { agentId } : {}), interval: 'hour' }),
    [client, report, range.from, range.to, queue, agentId],
  );
  const queues = Object.keys(live.queues).sort();
  const agents = Object.values(live.agents).sort((a, b) => (a.name ?? a.agentId).localeCompare(b.name ?? b.agentId));

  return (
    <div className="content" data-testid="admin-reports">
      <div className="page-header">
        <div>
          <h1>Reports</h1>
          <p>Service level, speed of answer, handling time, abandons and agents' time.</p>
        </div>
      </div>
      <div className="tabs" role="tablist">
        {REPORT_NAMES.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={report === name} className={`tab${report === name ? ' active' : ''}`} onClick={() => setReport(name)} data-testid={`report-tab-${name}`}>
            {TITLES[name]}
          </button>
        ))}
      </div>
      <div className="filters">
        <DateRangePicker value={range} onChange={setRange} />
        <label className="field">
          <span>Queue</span>
          <select className="input" value={queue} onChange={(e) => setQueue(e.target.value)} data-testid="report-queue">
            <option value="">All queues</option>
            {queues.map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Agent</span>
          <select className="input" value={agentId} onChange={(e) => setAgentId(e.target.value)} data-testid="report-agent">
            <option value="">All agents</option>
            {agents.map((a) => (
              <option key={a.agentId} value={a.agentId}>
                {a.name ?? a.agentId}
              </option>
            ))}
          </select>
        </label>
      </div>
      {result.error && !result.data ? (
        <Card>
          <EmptyState icon={<Icon name="alert" size={30} />} title="Could not run the report">
            {result.error instanceof Error ? result.error.message : String(result.error)}
          </EmptyState>
        </Card>
      ) : result.data ? (
        <ReportView report={result.data} title={TITLES[report]} loading={result.loading} />
      ) : (
        <Card>
          <EmptyState icon={<span className="spinner" />} title="Running the report…" />
        </Card>
      )}
    </div>
  );
}
