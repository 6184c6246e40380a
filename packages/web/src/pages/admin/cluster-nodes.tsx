import type { NodeHealth } from '@amiable/protocol';
import { useT } from '../../i18n/index.ts';
import { formatDurationLong } from '../../lib/format.ts';
import { Card } from '../../ui/card.tsx';
import { Pill } from '../../ui/pill.tsx';

/**
 * The cluster as the answering node sees it (`/api/health` `node`): each member with the PBXs it
 * owns; lease age and consumer lag are this node's own figures. Without `node`, one node runs alone.
 */
export function ClusterNodes({ node }: { node: NodeHealth | undefined }) {
  const { t } = useT('system');
  if (!node) {
    return (
      <Card title={t('cluster.title')} testId="system-cluster">
        <p data-testid="system-single-node">{t('cluster.single')}</p>
      </Card>
    );
  }
  const members = node.members.some((m) => m.node === node.id) ? node.members : [{ node: node.id, owned: node.owned.map((o) => o.pbx) }, ...node.members];
  const leaseAge = (pbx: string) => node.owned.find((o) => o.pbx === pbx)?.leaseAgeMs;
  const orphans = node.owners.filter((o) => o.node === null).map((o) => o.pbx);
  return (
    <Card title={t('cluster.title')} flush testId="system-cluster">
      <p className="small muted card-note">{t('cluster.summary', { count: members.length })}</p>
      <table className="table">
        <thead>
          <tr>
            <th>{t('cluster.node')}</th>
            <th>{t('cluster.pbxs')}</th>
            <th>{t('cluster.leaseAge')}</th>
            <th className="num">{t('cluster.lag')}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => {
            const self = m.node === node.id;
            return (
              <tr key={m.node} data-testid="cluster-node" data-node={m.node}>
                <td className="mono">
                  {m.node} {self && <Pill tone="primary" plain>{t('cluster.thisNode')}</Pill>}
                </td>
                <td className="mono">{m.owned.join(', ') || '—'}</td>
                <td className="small">
                  {self && m.owned.length > 0
                    ? m.owned.map((pbx) => `${pbx}: ${formatDurationLong(Math.round((leaseAge(pbx) ?? 0) / 1000))}`).join(' · ')
                    : '—'}
                </td>
                <td className="num mono">{self ? node.consumerLag : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {orphans.length > 0 && <p className="small text-danger card-note">{t('cluster.noOwner', { pbxs: orphans.join(', ') })}</p>}
      <p className="small muted card-note">{t('cluster.note')}</p>
    </Card>
  );
}
