import type { ApiKeyCreated } from '@amiable/protocol';
import { type FormEvent, useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useToast } from '../../app/toasts.tsx';
import { parseList } from '../../lib/parse-list.ts';
import { Field } from '../../ui/field.tsx';
import { Modal } from '../../ui/modal.tsx';

/** Creates an API key with its scope (queues, extensions, agents). */
export function CreateKeyDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (key: ApiKeyCreated) => void }) {
  const client = useClient();
  const toast = useToast();
  const [name, setName] = useState('');
  const [agents, setAgents] = useState('');
  const [extensions, setExtensions] = useState('');
  const [queues, setQueues] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      onCreated(await client.api.apiKeys.create({ name: name.trim(), scope: { agents: parseList(agents), extensions: parseList(extensions), queues: parseList(queues) } }));
    } catch (error) {
      toast.error(error, 'Could not create the key');
    }
  };
  return (
    <Modal title="New API key" onClose={onClose} testId="api-key-dialog">
      <form className="stack" onSubmit={submit}>
        <Field label="Name">
          <input className="input" required autoFocus value={name} onChange={(e) => setName(e.target.value)} placeholder="CRM screen-pop" data-testid="api-key-name" />
        </Field>
        <Field label="Queues" hint="Comma-separated. The key sees these queues' calls and statistics.">
          <input className="input mono" value={queues} onChange={(e) => setQueues(e.target.value)} placeholder="lang-en, lang-fr" />
        </Field>
        <Field label="Extensions">
          <input className="input mono" value={extensions} onChange={(e) => setExtensions(e.target.value)} placeholder="1001, 1002" />
        </Field>
        <Field label="Agents">
          <input className="input mono" value={agents} onChange={(e) => setAgents(e.target.value)} placeholder="agent-1001" />
        </Field>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={!name.trim()} data-testid="api-key-save">
            Create key
          </button>
        </div>
      </form>
    </Modal>
  );
}
