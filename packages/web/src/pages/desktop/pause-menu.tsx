import type { PauseReason } from '@amiable/protocol';
import { useEffect, useRef, useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useToast } from '../../app/toasts.tsx';
import { useT } from '../../i18n/index.ts';
import type { Request } from './desktop-page.tsx';

/** "Not ready" with a reason picker; `openRequest` opens it (the Pause shortcut). */
export function PauseMenu({ reasons, current, disabled, openRequest = 0 }: { reasons: PauseReason[]; current: string | null; disabled?: boolean; openRequest?: Request }) {
  const { t } = useT('desk');
  const client = useClient();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => ref.current && !ref.current.contains(e.target as Node) && setOpen(false);
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    window.addEventListener('mousedown', onDown);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('mousedown', onDown);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);
  useEffect(() => {
    if (openRequest === 0 || disabled) return;
    setOpen(true);
    // Focus the first reason so the agent can pick it with the keyboard.
    requestAnimationFrame(() => ref.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus());
  }, [openRequest, disabled]);
  useEffect(() => {
    if (disabled) setOpen(false);
  }, [disabled]);

  const pause = (reason: string) => {
    setOpen(false);
    client.command('agent.pause', { reason }).catch((error: unknown) => toast.error(error, t('errors.pause')));
  };

  return (
    <div className="menu" ref={ref}>
      <button
        type="button"
        className={`btn btn-warning${current ? ' active' : ''}`}
        disabled={disabled}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        data-testid="btn-pause"
      >
        {t('state.notReady')} ▾
      </button>
      {open && (
        <div className="menu-list" role="menu" data-testid="pause-reasons">
          {reasons.length === 0 && <div className="menu-empty small muted">{t('state.noReasons')}</div>}
          {reasons.map((r) => (
            <button
              key={r.code}
              type="button"
              role="menuitem"
              className={`menu-item${current === r.code ? ' selected' : ''}`}
              onClick={() => pause(r.code)}
              data-testid={`pause-reason-${r.code}`}
            >
              <span>{r.label}</span>
              {r.maxSeconds ? <span className="small muted">{t('state.maxMinutes', { count: Math.round(r.maxSeconds / 60) })}</span> : null}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
