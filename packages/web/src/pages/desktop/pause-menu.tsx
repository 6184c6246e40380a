import type { PauseReason } from '@amiable/protocol';
import { useEffect, useRef, useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useToast } from '../../app/toasts.tsx';

/** "Not ready" with a reason picker. */
export function PauseMenu({ reasons, current, disabled }: { reasons: PauseReason[]; current: string | null; disabled?: boolean }) {
  const client = useClient();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => ref.current && !ref.current.contains(e.target as Node) && setOpen(false);
    window.addEventListener('mousedown', onDown);
    return () => window.removeEventListener('mousedown', onDown);
  }, [open]);

  const pause = (reason: string) => {
    setOpen(false);
    client.command('agent.pause', { reason }).catch((error: unknown) => toast.error(error, 'Could not pause'));
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
        Not ready ▾
      </button>
      {open && (
        <div className="menu-list" role="menu" data-testid="pause-reasons">
          {reasons.length === 0 && <div className="menu-empty small muted">No pause reasons are configured.</div>}
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
              {r.maxSeconds ? <span className="small muted">max {Math.round(r.maxSeconds / 60)} min</span> : null}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
