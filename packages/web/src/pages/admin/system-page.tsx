import type { Health } from '@amiable/protocol';
import type { SystemStatus } from '@amiable/sdk';
import { useEffect } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useLive } from '../../app/live-store.tsx';
import { useAsync } from '../../app/use-async.ts';
import { formatDateTime, formatDurationLong } from '../../lib/format.ts';
import { Card } from '../../ui/card.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { Pill } from '../../ui/pill.tsx';
import { Stat } from '../../ui/stat.tsx';
import { Icon } from '../../ui/icon.tsx';
import { useT } from '../../i18n/index.ts';
import { ClusterNodes } from './cluster-nodes.tsx';

const PBX_TONE: Record<string, 'success' | 'warning' | 'danger' | 'neutral'> = {
  ready: 'success',
  connecting: 'warning',
  authenticating: 'warning',
  resyncing: 'warning',
  reconnecting: 'danger',
  closed: 'danger',
  idle: 'neutral',
};

/** PBX connections, event rate and connected clients, refreshed every 5 seconds. */
export function SystemPage() {
  const { t } = useT('system');
  const client = useClient();
  const live = useLive();
  const data = useAsync<{ status: SystemStatus | undefined; health: Health | undefined }>(async () => {
    const [status, health] = await Promise.all([client.api.status().catch(() => undefined), client.api.health().catch(() => undefined)]);
    return { status, health };
  }, [client]);
  const { reload } = data;
  useEffect(() => {
    const id = setInterval(reload, 5000);
    return () => clearInterval(id);
  }, [reload]);

  const status = data.data?.status;
  const health = data.data?.health;
  const pbxRows = status?.pbx ?? (Object.values(live.pbx).length ? Object.values(live.pbx) : (health?.pbx ?? []));
  return (
    <div className="content" data-testid="admin-system">
      <div className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p>{health ? t('version', { version: health.version, protocol: health.protocol }) : t('checking')}</p>
        </div>
        <div className="spacer" />
        {health && <Pill tone={health.status === 'ok' ? 'success' : 'warning'} testId="system-health">{t(`health.${health.status}`)}</Pill>}
      </div>
      <div className="status-grid">
        <Card><Stat label={t('uptime')} value={formatDurationLong(status?.uptimeSeconds ?? health?.uptimeSeconds)} small /></Card>
        <Card><Stat label={t('eventsPerSecond')} value={status?.eventsPerSecond === null || status?.eventsPerSecond === undefined ? '—' : status.eventsPerSecond.toFixed(1)} small testId="system-events-rate" /></Card>
        <Card><Stat label={t('wsClients')} value={status ? status.clients.websocket : '—'} small testId="system-ws-clients" /></Card>
        <Card><Stat label={t('amiClients')} value={status?.clients.ami ?? '—'} small /></Card>
      </div>
      <Card title={t('pbx.title')} flush testId="system-pbx">
        {pbxRows.length === 0 ? (
          <EmptyState icon={<Icon name="gauge" size={30} />} title={t('pbx.none')} />
        ) : (
          <table className="table">
            <thead>
              <tr><th>{t('pbx.pbx')}</th><th>{t('pbx.state')}</th><th>{t('pbx.since')}</th><th>{t('pbx.details')}</th></tr>
            </thead>
            <tbody>
              {pbxRows.map((p) => {
                const row = p as { pbx: string; state: string; since?: string | null; host?: string | null; error?: string | null };
                return (
                  <tr key={row.pbx} data-testid="pbx-row" data-state={row.state}>
                    <td className="mono">{row.pbx}</td>
                    <td><Pill tone={PBX_TONE[row.state] ?? 'neutral'}>{t(`pbx.states.${row.state}`, { defaultValue: row.state })}</Pill></td>
                    <td className="small">{formatDateTime(row.since ?? null)}</td>
                    <td className="small muted">{[row.host, row.error].filter(Boolean).join(' · ') || '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Card>
      <ClusterNodes node={health?.node} />
      {status?.clients.byRole && (
        <Card title={t('byRole')}>
          <div className="row-wrap">
            {Object.entries(status.clients.byRole).map(([role, n]) => (
              <Pill key={role} plain>{role}: {n}</Pill>
            ))}
          </div>
        </Card>
      )}
    </div>
  );
}
