import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';
import { i18n, useT } from '../i18n/index.ts';
import { describeError } from '../lib/describe-error.ts';

export interface Toast {
  id: number;
  kind: 'error' | 'success' | 'info';
  title: string;
  message?: string;
  code?: string;
}

interface ToastApi {
  show(toast: Omit<Toast, 'id'>): void;
  /** Shows an error as a sentence in the current language (see lib/describe-error.ts); the code is kept for support, not shown. */
  error(error: unknown, title?: string): void;
  success(title: string, message?: string): void;
}

const ToastContext = createContext<ToastApi | undefined>(undefined);

/** Kept here for older imports: the helper lives in lib/describe-error.ts. */
export { describeError };

export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useT('common');
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const show = useCallback(
    (toast: Omit<Toast, 'id'>) => {
      const id = next.current++;
      setToasts((list) => [...list.slice(-4), { ...toast, id }]);
      setTimeout(() => dismiss(id), toast.kind === 'error' ? 8000 : 4000);
    },
    [dismiss],
  );
  const api = useMemo<ToastApi>(
    () => ({
      show,
      error: (error, title = i18n.t('errors.title', { ns: 'common' })) => {
        const { message, code } = describeError(error);
        console.warn('Shown to the user:', code ?? 'error', error);
        show({ kind: 'error', title, message, ...(code ? { code } : {}) });
      },
      success: (title, message) => show({ kind: 'success', title, ...(message ? { message } : {}) }),
    }),
    [show],
  );
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" aria-live="polite">
        {toasts.map((toast) => (
          <div
            key={toast.id}
            className={`toast toast-${toast.kind}`}
            role={toast.kind === 'error' ? 'alert' : 'status'}
            data-testid={`toast-${toast.kind}`}
            data-code={toast.code}
          >
            <div className="toast-body">
              <div className="toast-title">{toast.title}</div>
              {toast.message && (
                <div className="small" data-testid="toast-message">
                  {toast.message}
                </div>
              )}
            </div>
            <button type="button" className="btn btn-ghost btn-sm" aria-label={t('actions.dismiss')} onClick={() => dismiss(toast.id)}>
              ✕
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast() outside <ToastProvider>');
  return api;
}
