import type { AgentView, TransferTargets } from '@amiable/protocol';
import { type FormEvent, useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useLive } from '../../app/live-store.tsx';
import { useToast } from '../../app/toasts.tsx';
import { useAsync } from '../../app/use-async.ts';
import { useT } from '../../i18n/index.ts';
import { formatPhone, internationalForm } from '../../lib/format.ts';
import { Field } from '../../ui/field.tsx';
import { Modal } from '../../ui/modal.tsx';
import { StatePill } from '../../ui/state-pill.tsx';

type Kind = 'queue' | 'colleague' | 'external';

/** Colleagues first when they can take the call now, then by name. */
const STATE_ORDER: Record<string, number> = { ready: 0, 'wrap-up': 1, paused: 2, ringing: 3, 'on-call': 4, 'logged-out': 5 };

/**
 * Transfer the call: to a queue by name, to a colleague (with their live state), or to an outside
 * number; blind (at once) or attended (talk first). The targets come from `GET /api/transfer-targets`:
 * when the server restricts transfers, only those are offered.
 */
export function TransferDialog({ callId, onClose }: { callId: string; onClose: () => void }) {
  const { t } = useT('desk');
  const client = useClient();
  const toast = useToast();
  const live = useLive();
  const me = client.user?.agentId ?? null;
  const targets = useAsync<TransferTargets>(() => client.api.transferTargets(), [client]);
  const [kind, setKind] = useState<Kind>('colleague');
  const [target, setTarget] = useState('');
  const [mode, setMode] = useState<'blind' | 'attended'>('blind');
  const [busy, setBusy] = useState(false);

  const list = targets.data;
  const restricted = list?.restricted ?? false;
  const listed = (k: 'queue' | 'extension' | 'external') => (list?.targets ?? []).filter((x) => x.kind === k);
  const queues = restricted || listed('queue').length > 0 ? listed('queue') : Object.keys(live.queues).sort().map((q) => ({ kind: 'queue' as const, value: q, label: null }));
  const allowedExtensions = new Set(listed('extension').map((x) => x.value));
  const colleagues = Object.values(live.agents)
    .filter((a): a is AgentView & { extension: string } => a.agentId !== me && a.extension !== null && a.state !== 'logged-out')
    .filter((a) => !restricted || allowedExtensions.has(a.extension))
    .sort((a, b) => (STATE_ORDER[a.state] ?? 9) - (STATE_ORDER[b.state] ?? 9) || (a.name ?? a.agentId).localeCompare(b.name ?? b.agentId));
  const prefixes = listed('external').map((x) => x.label ?? x.value);
  const attended = mode === 'attended' && kind !== 'queue';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const typed = target.trim();
    if (!typed) return;
    const to = kind === 'external' ? (internationalForm(typed) ?? typed) : typed;
    setBusy(true);
    try {
      await client.command('call.transfer', { callId, to, mode: kind === 'queue' ? 'blind' : mode });
      if (!attended) toast.success(t('transfer.done'), t('transfer.doneTo', { target: kind === 'external' ? formatPhone(to) : to }));
      onClose();
    } catch (error) {
      toast.error(error, t('errors.transfer'));
      setBusy(false);
    }
  };

  const choose = (k: Kind) => {
    setKind(k);
    setTarget('');
  };

  return (
    <Modal title={t('transfer.title')} onClose={onClose} testId="transfer-dialog">
      <form className="stack" onSubmit={submit}>
        <div className="segmented" role="tablist">
          {(['colleague', 'queue', 'external'] as const).map((k) => (
            <button key={k} type="button" role="tab" aria-selected={kind === k} className={`tab${kind === k ? ' active' : ''}`} onClick={() => choose(k)} data-testid={`transfer-kind-${k}`}>
              {t(`transfer.kind.${k}`)}
            </button>
          ))}
        </div>
        {kind === 'queue' && (
          <fieldset className="transfer-list" data-testid="transfer-queues">
            <legend className="sr-only">{t('transfer.kind.queue')}</legend>
            {queues.length === 0 && <p className="small muted">{t('transfer.noQueues')}</p>}
            {queues.map((q) => (
              <label key={q.value} className="transfer-option">
                <input type="radio" name="transfer-target" value={q.value} checked={target === q.value} onChange={() => setTarget(q.value)} data-testid={`transfer-queue-${q.value}`} />
                <span>{q.label ?? q.value}</span>
                {q.label && <span className="small muted mono">{q.value}</span>}
                {live.queues[q.value] && <span className="small muted">{t('transfer.queueNow', { ready: live.queues[q.value]!.ready, waiting: live.queues[q.value]!.waiting })}</span>}
              </label>
            ))}
          </fieldset>
        )}
        {kind === 'colleague' && (
          <fieldset className="transfer-list" data-testid="transfer-colleagues">
            <legend className="sr-only">{t('transfer.kind.colleague')}</legend>
            {colleagues.length === 0 && <p className="small muted">{t('transfer.noColleagues')}</p>}
            {colleagues.map((a) => (
              <label key={a.agentId} className="transfer-option" data-state={a.state}>
                <input type="radio" name="transfer-target" value={a.extension} checked={target === a.extension} onChange={() => setTarget(a.extension)} data-testid={`transfer-colleague-${a.extension}`} />
                <span>{a.name ?? a.agentId}</span>
                <span className="small muted mono">{a.extension}</span>
                <StatePill state={a.state} />
              </label>
            ))}
          </fieldset>
        )}
        {kind === 'external' && (
          <Field label={t('transfer.number')} hint={restricted ? (prefixes.length ? t('transfer.allowedPrefixes', { prefixes: prefixes.join(', ') }) : t('transfer.noExternal')) : t('transfer.numberHint')}>
            <input className="input mono" dir="ltr" type="tel" autoFocus required value={target} onChange={(e) => setTarget(e.target.value)} placeholder="+44 20 7946 0000" data-testid="transfer-target" disabled={restricted && prefixes.length === 0} />
          </Field>
        )}
        {kind !== 'queue' && (
          <div className="row">
            <label className="checkbox">
              <input type="radio" name="mode" checked={mode === 'blind'} onChange={() => setMode('blind')} data-testid="transfer-mode-blind" /> {t('transfer.blind')}
            </label>
            <label className="checkbox">
              <input type="radio" name="mode" checked={mode === 'attended'} onChange={() => setMode('attended')} data-testid="transfer-mode-attended" /> {t('transfer.attended')}
            </label>
          </div>
        )}
        {targets.error !== undefined && <p className="small muted">{t('transfer.targetsFailed')}</p>}
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy || !target.trim()} data-testid="transfer-submit">
            {attended ? t('transfer.consult') : t('transfer.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
