import type { AgentView } from '@amiable/protocol';
import { type FormEvent, useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useToast } from '../../app/toasts.tsx';
import { Field } from '../../ui/field.tsx';
import { Modal } from '../../ui/modal.tsx';

/** Moves an agent from one of their queues to another queue. */
export function MoveAgentDialog({ agent, queues, onClose }: { agent: AgentView; queues: string[]; onClose: () => void }) {
  const client = useClient();
  const toast = useToast();
  const [fromQueue, setFrom] = useState(agent.queues[0] ?? '');
  const [toQueue, setTo] = useState(queues.find((q) => !agent.queues.includes(q)) ?? '');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await client.command('supervisor.moveAgent', { agentId: agent.agentId, fromQueue, toQueue });
      toast.success('Agent moved', `${agent.name ?? agent.agentId}: ${fromQueue} → ${toQueue}`);
      onClose();
    } catch (error) {
      toast.error(error, 'Could not move the agent');
      setBusy(false);
    }
  };
  return (
    <Modal title={`Move ${agent.name ?? agent.agentId}`} onClose={onClose} testId="move-agent-dialog">
      <form className="stack" onSubmit={submit}>
        <div className="form-grid">
          <Field label="From queue">
            <select className="input" value={fromQueue} onChange={(e) => setFrom(e.target.value)} required data-testid="move-from">
              {agent.queues.map((q) => (
                <option key={q} value={q}>
                  {q}
                </option>
              ))}
            </select>
          </Field>
          <Field label="To queue">
            <select className="input" value={toQueue} onChange={(e) => setTo(e.target.value)} required data-testid="move-to">
              <option value="">Choose…</option>
              {queues
                .filter((q) => q !== fromQueue)
                .map((q) => (
                  <option key={q} value={q}>
                    {q}
                  </option>
                ))}
            </select>
          </Field>
        </div>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy || !fromQueue || !toQueue} data-testid="move-submit">
            Move
          </button>
        </div>
      </form>
    </Modal>
  );
}
