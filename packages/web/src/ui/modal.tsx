import { type ReactNode, useEffect } from 'react';
import { useT } from '../i18n/index.ts';

/** A dialog over a dimmed page; Escape or a click outside closes it. */
export function Modal({ title, onClose, children, testId }: { title: string; onClose: () => void; children: ReactNode; testId?: string }) {
  const { t } = useT('common');
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="modal" role="dialog" aria-modal="true" aria-label={title} data-testid={testId}>
        <header className="card-header">
          <h2>{title}</h2>
          <div className="spacer" />
          <button type="button" className="btn btn-ghost btn-sm" aria-label={t('actions.close')} onClick={onClose}>
            ✕
          </button>
        </header>
        <div className="card-body">{children}</div>
      </div>
    </div>
  );
}
