import { CtiError } from '@amiable/sdk';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';

export interface Toast {
  id: number;
  kind: 'error' | 'success' | 'info';
  title: string;
  message?: string;
  code?: string;
}

interface ToastApi {
  show(toast: Omit<Toast, 'id'>): void;
  /** Shows an error with the server's message and code. */
  error(error: unknown, title?: string): void;
  success(title: string, message?: string): void;
}

const ToastContext = createContext<ToastApi | undefined>(undefined);

/** Reads the message and code of an SDK error (or anything thrown). */
export function describeError(error: unknown): { message: string; code?: string } {
  if (error instanceof CtiError) return { message: error.message, code: error.code };
  if (error instanceof Error) return { message: error.message };
  return { message: String(error) };
}

export function ToastProvider({ children }: { children: ReactNode }) {
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
      error: (error, title = 'Something went wrong') => {
        const { message, code } = describeError(error);
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
        {toasts.map((t) => (
          <div key={t.id} className={`toast toast-${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'} data-testid={`toast-${t.kind}`}>
            <div className="toast-body">
              <div className="toast-title">{t.title}</div>
              {t.message && <div className="small" data-testid="toast-message">{t.message}</div>}
              {t.code && <div className="toast-code">{t.code}</div>}
            </div>
            <button type="button" className="btn btn-ghost btn-sm" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
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
