import type { AgentView, PauseReason } from '@amiable/protocol';
import { useEffect, useRef, useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useToast } from '../../app/toasts.tsx';
import { MoveAgentDialog } from './move-agent-dialog.tsx';

type Action = { key: string; label: string; run: () => Promise<unknown>; when: boolean; danger?: boolean };

/** The supervisor's menu on an agent row: force ready / pause / sign out, listen / whisper / barge, move. */
export function AgentActions({ agent, reasons, queues }: { agent: AgentView; reasons: PauseReason[]; queues: string[] }) {
  const client = useClient();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [moving, setMoving] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => ref.current && !ref.current.contains(e.target as Node) && setOpen(false);
    window.addEventListener('mousedown', onDown);
    return () => window.removeEventListener('mousedown', onDown);
  }, [open]);

  const agentId = agent.agentId;
  const signedIn = agent.state !== 'logged-out';
  const onCall = agent.state === 'on-call';
  const actions: Action[] = [
    { key: 'force-ready', label: 'Make ready', run: () => client.command('supervisor.forceReady', { agentId }), when: agent.state === 'paused' || agent.state === 'wrap-up' },
    { key: 'listen', label: 'Listen', run: () => client.command('supervisor.listen', { agentId }), when: onCall },
    { key: 'whisper', label: 'Whisper', run: () => client.command('supervisor.whisper', { agentId }), when: onCall },
    { key: 'barge', label: 'Barge in', run: () => client.command('supervisor.barge', { agentId }), when: onCall },
    { key: 'sign-out', label: 'Sign out', run: () => client.command('supervisor.forceSignOut', { agentId }), when: signedIn, danger: true },
  ];
  const run = (action: Action) => {
    setOpen(false);
    action.run().then(
      () => toast.success(action.label, agent.name ?? agentId),
      (error: unknown) => toast.error(error, `${action.label} failed`),
    );
  };
  const pause = (reason: string) => {
    setOpen(false);
    client.command('supervisor.forcePause', { agentId, reason }).catch((error: unknown) => toast.error(error, 'Pause failed'));
  };

  return (
    <div className="menu" ref={ref}>
      <button type="button" className="btn btn-sm" onClick={() => setOpen((o) => !o)} aria-haspopup="menu" aria-expanded={open} data-testid="agent-actions">
        Actions ▾
      </button>
      {open && (
        <div className="menu-list" role="menu">
          {actions
            .filter((a) => a.when)
            .map((a) => (
              <button key={a.key} type="button" role="menuitem" className={`menu-item${a.danger ? ' danger' : ''}`} onClick={() => run(a)} data-testid={`action-${a.key}`}>
                {a.label}
              </button>
            ))}
          {signedIn && agent.state !== 'paused' && reasons.length > 0 && (
            <>
              <div className="menu-heading">Pause with reason</div>
              {reasons.map((r) => (
                <button key={r.code} type="button" role="menuitem" className="menu-item" onClick={() => pause(r.code)} data-testid={`action-pause-${r.code}`}>
                  {r.label}
                </button>
              ))}
            </>
          )}
          {signedIn && (
            <button type="button" role="menuitem" className="menu-item" onClick={() => { setOpen(false); setMoving(true); }} data-testid="action-move">
              Move to another queue…
            </button>
          )}
        </div>
      )}
      {moving && <MoveAgentDialog agent={agent} queues={queues} onClose={() => setMoving(false)} />}
    </div>
  );
}
