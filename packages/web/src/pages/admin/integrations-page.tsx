import type { ApiKey, ApiKeyCreated } from '@amiable/protocol';
import { useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useToast } from '../../app/toasts.tsx';
import { useAsync } from '../../app/use-async.ts';
import { formatDateTime } from '../../lib/format.ts';
import { BusyButton } from '../../ui/busy-button.tsx';
import { Card } from '../../ui/card.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { Modal } from '../../ui/modal.tsx';
import { Pill } from '../../ui/pill.tsx';
import { ScopeSummary } from './api-key-scope.tsx';
import { CreateKeyDialog } from './create-api-key-dialog.tsx';
import { Icon } from '../../ui/icon.tsx';
import { WebhooksPanel } from './webhooks-panel.tsx';

/** API keys of integrations (CRMs, timesheets): each sees only its scope of agents, extensions and queues. */
export function IntegrationsPage() {
  const client = useClient();
  const toast = useToast();
  const keys = useAsync(() => client.api.apiKeys.list({ limit: 1000 }), [client]);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ApiKeyCreated | undefined>();
  const rows = keys.data?.items ?? [];

  const remove = async (key: ApiKey) => {
    if (!window.confirm(`Revoke the key “${key.name}”? Integrations using it stop working at once.`)) return;
    await client.api.apiKeys.remove(key.id);
    toast.success('Key revoked', key.name);
    keys.reload();
  };

  return (
    <div className="content" data-testid="admin-integrations">
      <div className="page-header">
        <div>
          <h1>Integrations</h1>
          <p>API keys for CRMs and other applications. A key sees nothing outside its scope.</p>
        </div>
        <div className="spacer" />
        <button type="button" className="btn btn-primary" onClick={() => setCreating(true)} data-testid="api-key-create">
          New API key
        </button>
      </div>
      <Card flush>
        {rows.length === 0 ? (
          <EmptyState icon={<Icon name="key" size={30} />} title={keys.loading ? 'Loading…' : 'No API keys yet'}>
            Create a key for each application that connects to Amiable.
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="api-keys-table">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Scope</th>
                  <th>Created</th>
                  <th>Last used</th>
                  <th>Status</th>
                  <th className="actions" />
                </tr>
              </thead>
              <tbody>
                {rows.map((k) => (
                  <tr key={k.id} data-testid="api-key-row">
                    <td className="agent-name">{k.name}</td>
                    <td className="small">
                      <ScopeSummary scope={k.scope} />
                    </td>
                    <td className="small">{formatDateTime(k.createdAt)}</td>
                    <td className="small">{formatDateTime(k.lastUsedAt)}</td>
                    <td>{k.disabled ? <Pill tone="danger">disabled</Pill> : <Pill tone="success">active</Pill>}</td>
                    <td className="actions">
                      <BusyButton
                        className="btn btn-sm btn-ghost"
                        onClick={async () => {
                          await client.api.apiKeys.update(k.id, { disabled: !k.disabled });
                          keys.reload();
                        }}
                      >
                        {k.disabled ? 'Enable' : 'Disable'}
                      </BusyButton>
                      <BusyButton className="btn btn-sm btn-ghost text-danger" onClick={() => remove(k)}>
                        Revoke
                      </BusyButton>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <WebhooksPanel keys={rows} />
      {creating && (
        <CreateKeyDialog
          onClose={() => setCreating(false)}
          onCreated={(key) => {
            setCreating(false);
            setCreated(key);
            keys.reload();
          }}
        />
      )}
      {created && (
        <Modal title="API key created" onClose={() => setCreated(undefined)} testId="api-key-created">
          <p>Copy the key now: it is not shown again.</p>
          <div className="row">
            <code className="secret" data-testid="api-key-value">
              {created.key}
            </code>
            <button type="button" className="btn btn-sm" onClick={() => navigator.clipboard?.writeText(created.key).then(() => toast.success('Copied'))}>
              Copy
            </button>
          </div>
        </Modal>
      )}
    </div>
  );
}
