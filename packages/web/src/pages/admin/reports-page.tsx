import type { ReportName, ReportResult } from '@amiable/protocol';
import { REPORT_NAMES } from '@amiable/protocol';
import { useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useLive } from '../../app/live-store.tsx';
import { useAsync } from '../../app/use-async.ts';
import { useT } from '../../i18n/index.ts';
import { describeError } from '../../lib/describe-error.ts';
import { errorField, isReversedRange } from '../../lib/report-range.ts';
import { lastDays, rangeToIso } from '../../lib/time-range.ts';
import { Card } from '../../ui/card.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { Icon } from '../../ui/icon.tsx';
import { DateRangePicker } from './date-range-picker.tsx';
import { ReportView } from './report-view.tsx';

/** Reports over a date range, per queue and per agent, with charts, CSV download and a printable page. */
export function ReportsPage() {
  const { t } = useT('reports');
  const client = useClient();
  const live = useLive();
  const [report, setReport] = useState<ReportName>('queue-summary');
  const [range, setRange] = useState(() => lastDays(7));
  const [queue, setQueue] = useState('');
  const [agentId, setAgentId] = useState('');
  const reversed = isReversedRange(range);
  // A reversed range is explained on the page and never sent.
  const result = useAsync<ReportResult | undefined>(
    () =>
      reversed
        ? Promise.resolve(undefined)
        : client.api.reports.get(report, { ...rangeToIso(range), ...(queue ? { queue } : {}), ...(agentId ? { agentId } : {}), interval: 'hour' }),
    [client, report, range.from, range.to, queue, agentId, reversed],
  );
  const queues = Object.keys(live.queues).sort();
  const agents = Object.values(live.agents).sort((a, b) => (a.name ?? a.agentId).localeCompare(b.name ?? b.agentId));
  const title = t(`tabs.${report}`);
  const field = errorField(result.error);

  return (
    <div className="content" data-testid="admin-reports">
      <div className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p>{t('intro')}</p>
        </div>
      </div>
      <div className="tabs" role="tablist">
        {REPORT_NAMES.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={report === name} className={`tab${report === name ? ' active' : ''}`} onClick={() => setReport(name)} data-testid={`report-tab-${name}`}>
            {t(`tabs.${name}`)}
          </button>
        ))}
      </div>
      <div className="filters">
        <DateRangePicker value={range} onChange={setRange} />
        <label className="field">
          <span>{t('filters.queue')}</span>
          <select className="input" value={queue} onChange={(e) => setQueue(e.target.value)} data-testid="report-queue">
            <option value="">{t('filters.allQueues')}</option>
            {queues.map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('filters.agent')}</span>
          <select className="input" value={agentId} onChange={(e) => setAgentId(e.target.value)} data-testid="report-agent">
            <option value="">{t('filters.allAgents')}</option>
            {agents.map((a) => (
              <option key={a.agentId} value={a.agentId}>
                {a.name ?? a.agentId}
              </option>
            ))}
          </select>
        </label>
      </div>
      {reversed ? (
        <p className="report-range-error" role="alert" data-testid="report-range-error">
          {t('range.reversed', { from: range.from, to: range.to })}
        </p>
      ) : result.error && !result.data ? (
        <Card>
          <EmptyState icon={<Icon name="alert" size={30} />} title={t('errors.title')} testId="report-error">
            {field ? t('errors.field', { field: t(`fields.${field}`, { defaultValue: field }) }) : describeError(result.error).message}
          </EmptyState>
        </Card>
      ) : result.data ? (
        <ReportView report={result.data} title={title} range={range} loading={result.loading} />
      ) : (
        <Card>
          <EmptyState icon={<span className="spinner" />} title={t('running')} />
        </Card>
      )}
    </div>
  );
}
