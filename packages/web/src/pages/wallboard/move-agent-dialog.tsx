import type { AgentView } from '@amiable/protocol';
import { type FormEvent, useState } from 'react';
import { useT } from '../../i18n/index.ts';
import { Field } from '../../ui/field.tsx';
import { Modal } from '../../ui/modal.tsx';
import { type ActionSpec, moveQueueAction } from './supervisor-actions.ts';

/** Moves an agent from one of their queues to another queue. */
export function MoveAgentDialog({
  agent,
  queues,
  onClose,
  onMove,
}: {
  agent: AgentView;
  queues: string[];
  onClose: () => void;
  onMove: (action: ActionSpec, values: Record<string, string>) => void;
}) {
  const { t } = useT('supervisor');
  const [fromQueue, setFrom] = useState(agent.queues[0] ?? '');
  const [toQueue, setTo] = useState(queues.find((q) => !agent.queues.includes(q)) ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onMove(moveQueueAction(agent.agentId, fromQueue, toQueue), { from: fromQueue, to: toQueue });
    onClose();
  };
  return (
    <Modal title={t('moveQueue.title', { agent: agent.name ?? agent.agentId })} onClose={onClose} testId="move-agent-dialog">
      <form className="stack" onSubmit={submit}>
        <div className="form-grid">
          <Field label={t('moveQueue.from')}>
            <select className="input" value={fromQueue} onChange={(e) => setFrom(e.target.value)} required data-testid="move-from">
              {agent.queues.map((q) => (
                <option key={q} value={q}>
                  {q}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('moveQueue.to')}>
            <select className="input" value={toQueue} onChange={(e) => setTo(e.target.value)} required data-testid="move-to">
              <option value="">{t('moveQueue.choose')}</option>
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
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={!fromQueue || !toQueue} data-testid="move-submit">
            {t('moveQueue.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
