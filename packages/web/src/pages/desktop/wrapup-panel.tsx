import type { AgentView } from '@amiable/protocol';
import { type FormEvent, useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useToast } from '../../app/toasts.tsx';
import { useAsync } from '../../app/use-async.ts';
import { useT } from '../../i18n/index.ts';
import type { ScreenPop } from '../../lib/screen-pop.ts';
import { Card } from '../../ui/card.tsx';
import { Field } from '../../ui/field.tsx';
import { Pill } from '../../ui/pill.tsx';
import { useDeskStatus } from './desk-status.tsx';
import { WrapupCustomerForm } from './wrapup-customer-form.tsx';
import { useReadyBlock } from './wrapup-ready-block.ts';

/** The call being wrapped up: the one whose disposition is owed, else the call that just ended. */
function wrappedCall(agent: AgentView, pop: ScreenPop | undefined): { callId: string; queue: string | null } | undefined {
  if (agent.dispositionDue) return agent.dispositionDue;
  if (agent.state === 'wrap-up' && pop?.phase === 'ended') return { callId: pop.callId, queue: pop.queue };
  return undefined;
}

/**
 * Wrap-up work after a call: the disposition (from the codes of the call's queue), free-text call
 * notes, and the caller's customer record. While the queue requires a disposition that is not set,
 * Ready is held back and the panel says why.
 */
export function WrapupPanel({ agent, pop }: { agent: AgentView; pop: ScreenPop | undefined }) {
  const call = wrappedCall(agent, pop);
  if (!call) return null;
  return <WrapupForm key={call.callId} agent={agent} call={call} customerId={pop?.callId === call.callId ? (pop.customer?.id ?? null) : null} />;
}

function WrapupForm({ agent, call, customerId }: { agent: AgentView; call: { callId: string; queue: string | null }; customerId: string | null }) {
  const { t } = useT('wrapup');
  const client = useClient();
  const toast = useToast();
  const { now } = useDeskStatus();
  const blocked = useReadyBlock(agent);
  const codes = useAsync(async () => (call.queue ? (await client.api.dispositions.get(call.queue).catch(() => undefined))?.codes ?? [] : []), [client, call.queue]);
  const [disposition, setDisposition] = useState('');
  const [notes, setNotes] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const overdue = blocked !== null && agent.state === 'wrap-up' && agent.wrapupEndsAt !== null && Date.parse(agent.wrapupEndsAt) <= now;
  const list = codes.data ?? [];

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (blocked && disposition === '') return setProblem(t('panel.pickFirst'));
    setProblem(null);
    setBusy(true);
    try {
      await client.api.dispositions.setForCall(call.callId, {
        ...(disposition ? { disposition } : {}),
        notes: notes.replace(/\r/g, '').trim() === '' ? null : notes.replace(/\r/g, ''),
      });
      setSaved(true);
      toast.success(t('panel.saved'));
    } catch (error) {
      toast.error(error, t('panel.saveFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={t('panel.title')}
      testId="wrapup-panel"
      actions={
        blocked ? (
          <Pill tone="warning" testId="wrapup-required">
            {t('panel.required')}
          </Pill>
        ) : saved ? (
          <Pill tone="success" testId="wrapup-saved">
            {t('panel.savedBadge')}
          </Pill>
        ) : null
      }
    >
      <form className="wrapup-form stack" onSubmit={save}>
        <div className="small muted">{call.queue ? t('panel.callFrom', { queue: call.queue }) : t('panel.callDirect')}</div>
        {blocked && (
          <div className="wrapup-blocked" role="status" data-testid="wrapup-ready-blocked">
            {overdue ? t('panel.overdue') : blocked}
          </div>
        )}
        {call.queue && (
          <Field label={t('panel.disposition')}>
            {list.length === 0 && !codes.loading ? (
              <span className="small muted">{t('panel.noCodes')}</span>
            ) : (
              <select className="input" value={disposition} onChange={(e) => setDisposition(e.target.value)} data-testid="wrapup-disposition">
                <option value="">{t('panel.choose')}</option>
                {list.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label={t('panel.notes')} hint={t('panel.notesHint')}>
          <textarea className="input wrapup-notes" rows={3} maxLength={4000} value={notes} onChange={(e) => setNotes(e.target.value)} data-testid="wrapup-notes" />
        </Field>
        {problem && (
          <div className="form-error" role="alert">
            {problem}
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="wrapup-save">
            {t('panel.save')}
          </button>
        </div>
      </form>
      {customerId && <WrapupCustomerForm customerId={customerId} />}
    </Card>
  );
}
