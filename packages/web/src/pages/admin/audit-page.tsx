import type { AuditQuery } from '@amiable/protocol';
import { useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useAsync } from '../../app/use-async.ts';
import { formatDateTime } from '../../lib/format.ts';
import { lastDays, rangeToIso } from '../../lib/time-range.ts';
import { Card } from '../../ui/card.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { Pill } from '../../ui/pill.tsx';
import { DateRangePicker } from './date-range-picker.tsx';
import { Pager } from './pager.tsx';
import { Icon } from '../../ui/icon.tsx';

const PAGE = 100;

/** Who did what, when, from where: commands, logins, refusals. */
export function AuditPage() {
  const client = useClient();
  const [range, setRange] = useState(() => lastDays(1));
  const [username, setUsername] = useState('');
  const [action, setAction] = useState('');
  const [result, setResult] = useState<'' | 'ok' | 'refused'>('');
  const [offset, setOffset] = useState(0);
  const query: AuditQuery = {
    ...rangeToIso(range),
    ...(username.trim() ? { username: username.trim() } : {}),
    ...(action.trim() ? { action: action.trim() } : {}),
    ...(result ? { ok: result === 'ok' } : {}),
  };
  const key = JSON.stringify(query);
  const page = useAsync(() => client.api.audit.list({ ...query, limit: PAGE, offset }), [client, key, offset]);
  const rows = page.data?.items ?? [];
  const reset = () => setOffset(0);

  return (
    <div className="content" data-testid="admin-audit">
      <div className="page-header">
        <div>
          <h1>Audit log</h1>
          <p>{page.data ? `${page.data.total} entries` : 'Loading…'}</p>
        </div>
      </div>
      <div className="filters" onChange={reset}>
        <DateRangePicker value={range} onChange={(r) => { setRange(r); reset(); }} />
        <label className="field"><span>User</span><input className="input" value={username} onChange={(e) => setUsername(e.target.value)} data-testid="audit-user" /></label>
        <label className="field"><span>Action</span><input className="input mono" value={action} onChange={(e) => setAction(e.target.value)} placeholder="agent.pause" data-testid="audit-action" /></label>
        <label className="field">
          <span>Result</span>
          <select className="input" value={result} onChange={(e) => setResult(e.target.value as typeof result)} data-testid="audit-result">
            <option value="">Any</option>
            <option value="ok">Succeeded</option>
            <option value="refused">Refused or failed</option>
          </select>
        </label>
      </div>
      <Card flush>
        {rows.length === 0 ? (
          <EmptyState icon={<Icon name="shield" size={30} />} title={page.loading ? 'Loading…' : 'No entries match'} />
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="audit-table">
              <thead>
                <tr><th>When</th><th>User</th><th>Action</th><th>Via</th><th>From</th><th>Result</th><th>Arguments</th></tr>
              </thead>
              <tbody>
                {rows.map((e) => (
                  <tr key={e.id} data-testid="audit-row">
                    <td className="small">{formatDateTime(e.at)}</td>
                    <td>{e.username ?? <span className="muted">—</span>}{e.role && <div className="small muted">{e.role}</div>}</td>
                    <td className="mono">{e.action}</td>
                    <td>{e.channel}</td>
                    <td className="mono small">{e.ip ?? '—'}</td>
                    <td>{e.ok ? <Pill tone="success">ok</Pill> : <Pill tone="danger">{e.code ?? 'refused'}</Pill>}</td>
                    <td className="mono small clamp">{e.args === undefined || e.args === null ? '' : JSON.stringify(e.args)}</td>
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
