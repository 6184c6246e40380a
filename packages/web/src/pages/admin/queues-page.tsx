import type { QueueSettings } from '@amiable/protocol';
import { DEFAULT_QUEUE_THRESHOLDS } from '@amiable/protocol';
import { useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { navigate } from '../../app/router.ts';
import { useToast } from '../../app/toasts.tsx';
import { useAsync } from '../../app/use-async.ts';
import { useT } from '../../i18n/index.ts';
import type { FieldSpec } from '../../lib/form-spec.ts';
import { Card } from '../../ui/card.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { Icon } from '../../ui/icon.tsx';
import { Modal } from '../../ui/modal.tsx';
import { EntityForm } from './crud/entity-form.tsx';
import { ADMIN_SECTIONS } from './sections.ts';

/**
 * Queues (Asterisk owns them; the server keeps their settings): the wallboard's alert thresholds
 * (service-level target in seconds and percent, longest-wait alert) and the wrap-up of each queue.
 */
export function QueuesPage() {
  const { t } = useT('admin');
  const client = useClient();
  const toast = useToast();
  const list = useAsync(() => client.api.queues.list(), [client]);
  const [editing, setEditing] = useState<QueueSettings | undefined>();
  const hasDispositions = (ADMIN_SECTIONS as readonly { path: string }[]).some((s) => s.path === 'dispositions');
  const fields: FieldSpec[] = [
    { key: 'displayName', label: t('queues.displayName'), kind: 'nullable-text' },
    { key: 'serviceLevelSeconds', label: t('queues.slSeconds'), kind: 'number', required: true, hint: t('queues.slSecondsHint') },
    { key: 'serviceLevelTargetPercent', label: t('queues.slPercent'), kind: 'number', required: true, hint: t('queues.slPercentHint') },
    { key: 'longestWaitAlertSeconds', label: t('queues.waitAlert'), kind: 'number', required: true, hint: t('queues.waitAlertHint') },
    {
      key: 'wrapupMode',
      label: t('queues.wrapupMode'),
      kind: 'select',
      options: [
        { value: 'default', label: t('queues.wrapupDefault') },
        { value: 'timeout', label: t('queues.wrapupTimeout') },
        { value: 'manual', label: t('queues.wrapupManual') },
      ],
    },
    { key: 'wrapupSeconds', label: t('queues.wrapupSeconds'), kind: 'nullable-number', hint: t('queues.wrapupSecondsHint') },
    { key: 'language', label: t('queues.language'), kind: 'nullable-text', placeholder: 'en' },
  ];
  const save = async (body: Record<string, unknown>) => {
    if (!editing) return;
    const patch = { ...body, ...(body.wrapupMode === 'timeout' ? {} : { wrapupSeconds: null }) };
    try {
      await client.api.queues.update(editing.queue, patch);
      toast.success(t('queues.saved', { queue: editing.displayName ?? editing.queue }));
      setEditing(undefined);
      list.reload();
    } catch (error) {
      toast.error(error, t('queues.saveFailed'));
    }
  };
  const wrapupText = (q: QueueSettings) =>
    q.wrapupMode === 'timeout' ? t('queues.wrapupAfter', { count: q.wrapupSeconds ?? 0 }) : q.wrapupMode === 'manual' ? t('queues.wrapupManual') : t('queues.wrapupDefault');
  const rows = list.data?.items ?? [];
  return (
    <div className="content" data-testid="admin-queues">
      <div className="page-header">
        <div>
          <h1>{t('queues.title')}</h1>
          <p>{t('queues.description')}</p>
        </div>
        <div className="spacer" />
        {hasDispositions && (
          <button type="button" className="btn" onClick={() => navigate('/admin/dispositions')} data-testid="queues-dispositions">
            {t('queues.dispositions')}
          </button>
        )}
      </div>
      <Card flush>
        {rows.length === 0 ? (
          <EmptyState icon={<Icon name="route" size={30} />} title={list.loading ? t('crud.loading') : t('queues.none')} />
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="queues-table">
              <thead>
                <tr>
                  <th>{t('queues.colQueue')}</th>
                  <th>{t('queues.colServiceLevel')}</th>
                  <th>{t('queues.colWaitAlert')}</th>
                  <th>{t('queues.colWrapup')}</th>
                  <th className="actions" />
                </tr>
              </thead>
              <tbody>
                {rows.map((q) => (
                  <tr key={q.queue} data-testid="queue-row" data-queue={q.queue}>
                    <td>
                      <div className="agent-name">{q.displayName ?? q.queue}</div>
                      {q.displayName && <div className="small muted mono">{q.queue}</div>}
                    </td>
                    <td>
                      {t('queues.slText', {
                        percent: q.serviceLevelTargetPercent ?? DEFAULT_QUEUE_THRESHOLDS.serviceLevelTargetPercent,
                        seconds: q.serviceLevelSeconds,
                      })}
                    </td>
                    <td>{t('queues.seconds', { count: q.longestWaitAlertSeconds ?? DEFAULT_QUEUE_THRESHOLDS.longestWaitAlertSeconds })}</td>
                    <td>{wrapupText(q)}</td>
                    <td className="actions">
                      <button type="button" className="btn btn-sm btn-ghost" onClick={() => setEditing(q)} data-testid="queue-edit">
                        {t('crud.edit')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <p className="small muted">{t('queues.wallboardNote')}</p>
      {editing && (
        <Modal title={t('queues.editTitle', { queue: editing.displayName ?? editing.queue })} onClose={() => setEditing(undefined)} testId="queue-dialog">
          <EntityForm fields={fields} entity={editing as unknown as Record<string, unknown>} mode="edit" onSubmit={save} onCancel={() => setEditing(undefined)} />
        </Modal>
      )}
    </div>
  );
}
