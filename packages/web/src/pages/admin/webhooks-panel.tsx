import { type ApiKey, EVENT_TYPES, type WebhookSubscription, type WebhookSubscriptionCreated } from '@amiable/protocol';
import { CtiError } from '@amiable/sdk';
import { useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useToast } from '../../app/toasts.tsx';
import { useAsync } from '../../app/use-async.ts';
import { useT } from '../../i18n/index.ts';
import { describeError } from '../../lib/describe-error.ts';
import { formatDateTime } from '../../lib/format.ts';
import { BusyButton } from '../../ui/busy-button.tsx';
import { Card } from '../../ui/card.tsx';
import { Modal } from '../../ui/modal.tsx';
import { Pill } from '../../ui/pill.tsx';

const WEBHOOK_CODES = new Set(['CTI_ERR_WEBHOOK_URL', 'CTI_ERR_WEBHOOK_EVENT_TYPE', 'CTI_ERR_WEBHOOK_API_KEY']);

/** A refusal as a sentence naming the field: the webhook codes have their own, the rest the common ones. */
function useRefusal() {
  const { t } = useT('integrations');
  return (error: unknown): string =>
    error instanceof CtiError && WEBHOOK_CODES.has(error.code) ? t(`errors.${error.code}`) : describeError(error).message;
}

/** Webhook subscriptions of the integrations: who gets which events where, with a delivery log and a test button. */
export function WebhooksPanel({ keys }: { keys: readonly ApiKey[] }) {
  const { t } = useT('integrations');
  const client = useClient();
  const toast = useToast();
  const subs = useAsync(() => client.api.webhooks.list({ limit: 1000 }), [client]);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<WebhookSubscriptionCreated | undefined>();
  const [logOf, setLogOf] = useState<string | undefined>();
  const keyName = (id: string) => keys.find((k) => k.id === id)?.name ?? id;
  const rows = subs.data?.items ?? [];

  const act = async (run: () => Promise<unknown>, done: string) => {
    try {
      await run();
      toast.success(done);
      subs.reload();
    } catch (err) {
      toast.error(err);
    }
  };

  return (
    <section className="webhooks" data-testid="webhooks">
      <div className="page-header">
        <div>
          <h2>{t('webhooks.title')}</h2>
          <p>{t('webhooks.intro')}</p>
        </div>
        <div className="spacer" />
        <button type="button" className="btn btn-primary" disabled={keys.length === 0} onClick={() => setCreating(true)} data-testid="webhook-create">
          {t('webhooks.new')}
        </button>
      </div>
      <Card flush>
        {rows.length === 0 ? (
          <p className="webhooks-empty muted">{subs.loading ? t('webhooks.loading') : t('webhooks.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="webhooks-table">
              <thead>
                <tr>
                  <th>{t('webhooks.integration')}</th>
                  <th>{t('webhooks.url')}</th>
                  <th>{t('webhooks.events')}</th>
                  <th>{t('webhooks.deliveries')}</th>
                  <th>{t('webhooks.status')}</th>
                  <th className="actions" />
                </tr>
              </thead>
              <tbody>
                {rows.map((s) => (
                  <tr key={s.id} data-testid="webhook-row">
                    <td className="agent-name">{keyName(s.apiKeyId)}</td>
                    <td className="small webhook-url" dir="ltr">
                      {s.url}
                    </td>
                    <td className="small">{s.eventTypes.join(', ')}</td>
                    <td className="small">{t('webhooks.counts', s.deliveries)}</td>
                    <td>{s.disabled ? <Pill tone="danger">{t('webhooks.disabled')}</Pill> : <Pill tone="success">{t('webhooks.active')}</Pill>}</td>
                    <td className="actions">
                      <BusyButton className="btn btn-sm btn-ghost" onClick={() => act(() => client.api.webhooks.test(s.id), t('webhooks.testQueued'))} testId="webhook-test">
                        {t('webhooks.sendTest')}
                      </BusyButton>
                      <button type="button" className="btn btn-sm btn-ghost" onClick={() => setLogOf(s.id)} data-testid="webhook-log">
                        {t('webhooks.log')}
                      </button>
                      <BusyButton className="btn btn-sm btn-ghost" onClick={() => act(() => client.api.webhooks.update(s.id, { disabled: !s.disabled }), t('webhooks.saved'))}>
                        {s.disabled ? t('webhooks.enable') : t('webhooks.disable')}
                      </BusyButton>
                      <BusyButton
                        className="btn btn-sm btn-ghost text-danger"
                        onClick={() => (window.confirm(t('webhooks.confirmDelete', { url: s.url })) ? act(() => client.api.webhooks.remove(s.id), t('webhooks.deleted')) : Promise.resolve())}
                      >
                        {t('webhooks.delete')}
                      </BusyButton>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {creating && (
        <CreateWebhookDialog
          keys={keys}
          onClose={() => setCreating(false)}
          onCreated={(sub) => {
            setCreating(false);
            setCreated(sub);
            subs.reload();
          }}
        />
      )}
      {created && (
        <Modal title={t('webhooks.createdTitle')} onClose={() => setCreated(undefined)} testId="webhook-created">
          <p>{t('webhooks.secretOnce')}</p>
          <code className="secret" dir="ltr" data-testid="webhook-secret">
            {created.secret}
          </code>
        </Modal>
      )}
      {logOf && <DeliveryLog subscription={rows.find((s) => s.id === logOf)} onClose={() => setLogOf(undefined)} />}
    </section>
  );
}

function CreateWebhookDialog({ keys, onClose, onCreated }: { keys: readonly ApiKey[]; onClose: () => void; onCreated: (s: WebhookSubscriptionCreated) => void }) {
  const { t } = useT('integrations');
  const client = useClient();
  const refusal = useRefusal();
  const [apiKeyId, setApiKeyId] = useState(keys[0]?.id ?? '');
  const [url, setUrl] = useState('https://');
  const [types, setTypes] = useState<string[]>(['call.ringing', 'call.answered', 'call.ended']);
  const [error, setError] = useState<string | undefined>();
  const toggle = (type: string) => setTypes((ts) => (ts.includes(type) ? ts.filter((x) => x !== type) : [...ts, type]));
  return (
    <Modal title={t('webhooks.new')} onClose={onClose} testId="webhook-dialog">
      <form
        className="webhook-form"
        onSubmit={(e) => {
          e.preventDefault();
          setError(undefined);
          client.api.webhooks.create({ apiKeyId, url, eventTypes: types }).then(onCreated, (err: unknown) => setError(refusal(err)));
        }}
      >
        <label>
          {t('webhooks.integration')}
          <select value={apiKeyId} onChange={(e) => setApiKeyId(e.target.value)} data-testid="webhook-key">
            {keys.map((k) => (
              <option key={k.id} value={k.id}>
                {k.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('webhooks.url')}
          <input type="url" dir="ltr" value={url} onChange={(e) => setUrl(e.target.value)} required data-testid="webhook-url" />
        </label>
        <fieldset className="webhook-types">
          <legend>{t('webhooks.events')}</legend>
          {EVENT_TYPES.map((type) => (
            <label key={type} className="webhook-type">
              <input type="checkbox" checked={types.includes(type)} onChange={() => toggle(type)} /> <code dir="ltr">{type}</code>
            </label>
          ))}
        </fieldset>
        {error && (
          <p className="text-danger" role="alert" data-testid="webhook-error">
            {error}
          </p>
        )}
        <div className="row">
          <div className="spacer" />
          <button type="button" className="btn" onClick={onClose}>
            {t('webhooks.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="webhook-save">
            {t('webhooks.create')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function DeliveryLog({ subscription, onClose }: { subscription: WebhookSubscription | undefined; onClose: () => void }) {
  const { t } = useT('integrations');
  const client = useClient();
  const log = useAsync(async () => (subscription ? client.api.webhooks.deliveries(subscription.id, { limit: 100 }) : { items: [], total: 0 }), [client, subscription?.id]);
  const items = log.data?.items ?? [];
  const tone = (status: string) => (status === 'delivered' ? 'success' : status === 'failed' ? 'danger' : 'warning');
  return (
    <Modal title={t('webhooks.logTitle')} onClose={onClose} testId="webhook-log-dialog">
      <div className="row">
        <span className="small muted" dir="ltr">
          {subscription?.url}
        </span>
        <div className="spacer" />
        <button type="button" className="btn btn-sm" onClick={() => log.reload()}>
          {t('webhooks.refresh')}
        </button>
      </div>
      {items.length === 0 ? (
        <p className="muted">{log.loading ? t('webhooks.loading') : t('webhooks.noDeliveries')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="webhook-deliveries">
            <thead>
              <tr>
                <th>{t('webhooks.when')}</th>
                <th>{t('webhooks.event')}</th>
                <th>{t('webhooks.status')}</th>
                <th>{t('webhooks.attempts')}</th>
                <th>{t('webhooks.response')}</th>
                <th>{t('webhooks.lastError')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id} data-testid="webhook-delivery">
                  <td className="small">{formatDateTime(d.createdAt)}</td>
                  <td className="small" dir="ltr">
                    {d.eventType}
                  </td>
                  <td>
                    <Pill tone={tone(d.status)}>{t(`webhooks.statuses.${d.status}`)}</Pill>
                  </td>
                  <td className="small">{d.attempts}</td>
                  <td className="small">{d.responseCode ?? '—'}</td>
                  <td className="small" dir="ltr">
                    {d.lastError ?? '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Modal>
  );
}
