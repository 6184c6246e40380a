import type { AgentView, PauseReason } from '@amiable/protocol';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/index.ts';
import { MoveAgentDialog } from './move-agent-dialog.tsx';
import { MoveDeskDialog } from './move-desk-dialog.tsx';
import { type ActionSpec, forceReadyAction, hangupAction, pauseAction, signOutAction, spyAction } from './supervisor-actions.ts';
import { useRunAction } from './use-run-action.ts';

interface Item {
  key: string;
  testId: string;
  action: ActionSpec;
  when: boolean;
  danger?: boolean;
}

/**
 * The supervisor's menu on an agent row: listen, whisper, barge, hang up, force Ready, pause
 * with a reason, sign out of the queues, move to another desk or queue. Each is confirmed when
 * it takes effect.
 */
export function AgentActions({ agent, reasons, queues }: { agent: AgentView; reasons: PauseReason[]; queues: string[] }) {
  const { t } = useT('supervisor');
  const name = agent.name ?? agent.agentId;
  const { run, pending } = useRunAction(name);
  const [open, setOpen] = useState(false);
  const [dialog, setDialog] = useState<'queue' | 'desk' | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => ref.current && !ref.current.contains(e.target as Node) && setOpen(false);
    window.addEventListener('mousedown', onDown);
    return () => window.removeEventListener('mousedown', onDown);
  }, [open]);

  const agentId = agent.agentId;
  const signedIn = agent.state !== 'logged-out';
  const onCall = agent.state === 'on-call' && agent.callId !== null;
  const items: Item[] = [
    { key: 'listen', testId: 'action-listen', action: spyAction('listen', agentId), when: onCall },
    { key: 'whisper', testId: 'action-whisper', action: spyAction('whisper', agentId), when: onCall },
    { key: 'barge', testId: 'action-barge', action: spyAction('barge', agentId), when: onCall },
    { key: 'hangup', testId: 'action-hangup', action: hangupAction(agentId, agent.callId ?? ''), when: onCall, danger: true },
    { key: 'forceReady', testId: 'action-force-ready', action: forceReadyAction(agentId), when: agent.state === 'paused' || agent.state === 'wrap-up' },
  ];
  const choose = (action: ActionSpec, values?: Record<string, string>) => {
    setOpen(false);
    run(action, values);
  };

  return (
    <div className="menu" ref={ref} data-pending={pending ?? undefined}>
      <button
        type="button"
        className="btn btn-sm"
        onClick={() => setOpen((o) => !o)}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('actions.menuFor', { agent: name })}
        disabled={pending !== null}
        data-testid="agent-actions"
      >
        {pending ? <span className="spinner spinner-sm" aria-hidden /> : null}
        {pending ? t('actions.waiting') : t('actions.menu')}
      </button>
      {open && (
        <div className="menu-list" role="menu">
          {items
            .filter((a) => a.when)
            .map((a) => (
              <button key={a.key} type="button" role="menuitem" className={`menu-item${a.danger ? ' danger' : ''}`} onClick={() => choose(a.action)} data-testid={a.testId}>
                {t(`actions.${a.key}`)}
              </button>
            ))}
          {signedIn && agent.state !== 'paused' && reasons.length > 0 && (
            <>
              <div className="menu-heading">{t('actions.pauseWith')}</div>
              {reasons.map((r) => (
                <button
                  key={r.code}
                  type="button"
                  role="menuitem"
                  className="menu-item"
                  onClick={() => choose(pauseAction(agentId, r.code), { reason: r.label })}
                  data-testid={`action-pause-${r.code}`}
                >
                  {r.label}
                </button>
              ))}
            </>
          )}
          {signedIn && (
            <>
              <button type="button" role="menuitem" className="menu-item" onClick={() => { setOpen(false); setDialog('desk'); }} data-testid="action-move-desk">
                {t('actions.moveDesk')}
              </button>
              <button type="button" role="menuitem" className="menu-item" onClick={() => { setOpen(false); setDialog('queue'); }} data-testid="action-move">
                {t('actions.moveQueue')}
              </button>
              <button type="button" role="menuitem" className="menu-item danger" onClick={() => choose(signOutAction(agentId))} data-testid="action-sign-out">
                {t('actions.signOut')}
              </button>
            </>
          )}
        </div>
      )}
      {dialog === 'queue' && <MoveAgentDialog agent={agent} queues={queues} onClose={() => setDialog(null)} onMove={choose} />}
      {dialog === 'desk' && <MoveDeskDialog agent={agent} onClose={() => setDialog(null)} onMove={choose} />}
    </div>
  );
}
