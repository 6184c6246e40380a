import type { AgentView } from '@amiable/protocol';
import { type FormEvent, useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useAsync } from '../../app/use-async.ts';
import { useT } from '../../i18n/index.ts';
import { Field } from '../../ui/field.tsx';
import { Modal } from '../../ui/modal.tsx';
import { type ActionSpec, moveDeskAction } from './supervisor-actions.ts';

/** Moves a signed-in agent to another registered desk (workstation). */
export function MoveDeskDialog({
  agent,
  onClose,
  onMove,
}: {
  agent: AgentView;
  onClose: () => void;
  onMove: (action: ActionSpec, values: Record<string, string>) => void;
}) {
  const { t } = useT('supervisor');
  const client = useClient();
  const desks = useAsync(() => client.api.workstations.list({ limit: 1000 }), [client]);
  const choices = (desks.data?.items ?? []).filter((d) => d.extension !== agent.extension).sort((a, b) => a.name.localeCompare(b.name));
  const [deskId, setDesk] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const desk = choices.find((d) => d.id === deskId);
    if (!desk) return;
    onMove(moveDeskAction(agent.agentId, desk.id, desk.extension), { desk: `${desk.name} (${desk.extension})` });
    onClose();
  };
  return (
    <Modal title={t('moveDesk.title', { agent: agent.name ?? agent.agentId })} onClose={onClose} testId="move-desk-dialog">
      <form className="stack" onSubmit={submit}>
        <p className="muted">{t('moveDesk.current', { extension: agent.extension ?? '—' })}</p>
        <Field label={t('moveDesk.to')}>
          <select className="input" value={deskId} onChange={(e) => setDesk(e.target.value)} required data-testid="move-desk-to">
            <option value="">{desks.loading ? t('moveDesk.loading') : t('moveDesk.choose')}</option>
            {choices.map((d) => (
              <option key={d.id} value={d.id}>
                {t('moveDesk.option', { name: d.name, extension: d.extension })}
              </option>
            ))}
          </select>
        </Field>
        {!desks.loading && choices.length === 0 && <p className="small muted">{t('moveDesk.none')}</p>}
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={!deskId} data-testid="move-desk-submit">
            {t('moveDesk.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
