import type { ApiKeyCreated } from '@amiable/protocol';
import { type FormEvent, useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useT } from '../../i18n/index.ts';
import { describeError } from '../../lib/describe-error.ts';
import { parseList } from '../../lib/parse-list.ts';
import { Field } from '../../ui/field.tsx';
import { Modal } from '../../ui/modal.tsx';

/** Creates an API key with its scope (queues, extensions, agents). */
export function CreateKeyDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (key: ApiKeyCreated) => void }) {
  const { t } = useT('admin');
  const { t: tc } = useT('common');
  const client = useClient();
  const [name, setName] = useState('');
  const [agents, setAgents] = useState('');
  const [extensions, setExtensions] = useState('');
  const [queues, setQueues] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const shown = error === undefined ? undefined : describeError(error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onCreated(await client.api.apiKeys.create({ name: name.trim(), scope: { agents: parseList(agents), extensions: parseList(extensions), queues: parseList(queues) } }));
    } catch (failure) {
      console.warn('The API key was refused', failure);
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const invalid = (field: string) => shown?.fields.includes(field) || undefined;
  return (
    <Modal title={t('apiKeys.newTitle')} onClose={onClose} testId="api-key-dialog">
      <form className="stack" onSubmit={submit}>
        <Field label={t('apiKeys.fields.name')}>
          <input
            className="input"
            required
            autoFocus
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={t('apiKeys.placeholders.name')}
            aria-invalid={invalid('name')}
            data-testid="api-key-name"
          />
        </Field>
        <Field label={t('apiKeys.fields.queues')} hint={t('apiKeys.hints.queues')}>
          <input className="input mono" dir="ltr" value={queues} onChange={(e) => setQueues(e.target.value)} placeholder="lang-en, lang-fr, lang-ar" aria-invalid={invalid('queues')} />
        </Field>
        <Field label={t('apiKeys.fields.extensions')} hint={t('apiKeys.hints.extensions')}>
          <input className="input mono" dir="ltr" value={extensions} onChange={(e) => setExtensions(e.target.value)} placeholder="1001, 1002" aria-invalid={invalid('extensions')} />
        </Field>
        <Field label={t('apiKeys.fields.agents')} hint={t('apiKeys.hints.agents')}>
          <input className="input mono" dir="ltr" value={agents} onChange={(e) => setAgents(e.target.value)} placeholder="agent-1001" aria-invalid={invalid('agents')} />
        </Field>
        {shown && (
          <div className="banner banner-danger" role="alert" data-testid="api-key-error" data-code={shown.code}>
            <strong>{t('apiKeys.createFailed')}</strong> {shown.message}
          </div>
        )}
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {tc('actions.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy || !name.trim()} data-testid="api-key-save">
            {busy && <span className="spinner" />}
            {t('apiKeys.create')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
