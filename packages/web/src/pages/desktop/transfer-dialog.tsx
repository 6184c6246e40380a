import { type FormEvent, useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useLive } from '../../app/live-store.tsx';
import { useToast } from '../../app/toasts.tsx';
import { Field } from '../../ui/field.tsx';
import { Modal } from '../../ui/modal.tsx';

type Kind = 'extension' | 'queue' | 'number';

/** Blind or attended transfer to an extension, a queue or an outside number. */
export function TransferDialog({ callId, onClose, onConsulting }: { callId: string; onClose: () => void; onConsulting: (target: string) => void }) {
  const client = useClient();
  const toast = useToast();
  const live = useLive();
  const [kind, setKind] = useState<Kind>('extension');
  const [target, setTarget] = useState('');
  const [mode, setMode] = useState<'blind' | 'attended'>('blind');
  const [busy, setBusy] = useState(false);
  const queues = Object.keys(live.queues).sort();
  const readyAgents = Object.values(live.agents).filter((a) => a.state === 'ready' && a.extension);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const to = target.trim();
    if (!to) return;
    setBusy(true);
    try {
      await client.command('call.transfer', { callId, to, mode: kind === 'queue' ? 'blind' : mode });
      if (mode === 'attended' && kind !== 'queue') onConsulting(to);
      else {
        toast.success('Transferred', `The call went to ${to}`);
        onClose();
      }
    } catch (error) {
      toast.error(error, 'Could not transfer');
      setBusy(false);
    }
  };

  return (
    <Modal title="Transfer the call" onClose={onClose} testId="transfer-dialog">
      <form className="stack" onSubmit={submit}>
        <div className="segmented" role="tablist">
          {(['extension', 'queue', 'number'] as const).map((k) => (
            <button key={k} type="button" className={`tab${kind === k ? ' active' : ''}`} onClick={() => { setKind(k); setTarget(''); }} data-testid={`transfer-kind-${k}`}>
              {k === 'extension' ? 'Extension' : k === 'queue' ? 'Queue' : 'Number'}
            </button>
          ))}
        </div>
        {kind === 'queue' ? (
          <Field label="Queue">
            <select className="input" value={target} onChange={(e) => setTarget(e.target.value)} data-testid="transfer-target" required>
              <option value="">Choose a queue…</option>
              {queues.map((q) => (
                <option key={q} value={q}>
                  {q}
                </option>
              ))}
            </select>
          </Field>
        ) : (
          <Field label={kind === 'extension' ? 'Extension' : 'Phone number'} hint={kind === 'extension' && readyAgents.length > 0 ? `Ready now: ${readyAgents.map((a) => `${a.name ?? a.agentId} (${a.extension})`).join(', ')}` : undefined}>
            <input className="input mono" autoFocus required value={target} onChange={(e) => setTarget(e.target.value)} placeholder={kind === 'extension' ? '1002' : '+44 20 7946 0000'} data-testid="transfer-target" list={kind === 'extension' ? 'transfer-extensions' : undefined} />
          </Field>
        )}
        <datalist id="transfer-extensions">
          {readyAgents.map((a) => (
            <option key={a.agentId} value={a.extension ?? ''}>
              {a.name ?? a.agentId}
            </option>
          ))}
        </datalist>
        {kind !== 'queue' && (
          <div className="row">
            <label className="checkbox">
              <input type="radio" name="mode" checked={mode === 'blind'} onChange={() => setMode('blind')} data-testid="transfer-mode-blind" /> Blind (at once)
            </label>
            <label className="checkbox">
              <input type="radio" name="mode" checked={mode === 'attended'} onChange={() => setMode('attended')} data-testid="transfer-mode-attended" /> Attended (talk first)
            </label>
          </div>
        )}
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy || !target.trim()} data-testid="transfer-submit">
            {mode === 'attended' && kind !== 'queue' ? 'Call and consult' : 'Transfer'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
