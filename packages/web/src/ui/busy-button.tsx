import { type ReactNode, useState } from 'react';
import { useToast } from '../app/toasts.tsx';

/**
 * A button that runs an async action, disables itself while it runs and shows
 * the server's error in a toast if it fails.
 */
export function BusyButton({
  onClick,
  children,
  className = 'btn',
  disabled,
  title,
  testId,
  errorTitle,
}: {
  onClick: () => Promise<unknown>;
  children: ReactNode;
  className?: string;
  disabled?: boolean;
  title?: string;
  testId?: string;
  errorTitle?: string;
}) {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className={className}
      disabled={disabled || busy}
      title={title}
      data-testid={testId}
      aria-busy={busy}
      onClick={() => {
        setBusy(true);
        onClick()
          .catch((error: unknown) => toast.error(error, errorTitle))
          .finally(() => setBusy(false));
      }}
    >
      {busy && <span className="spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}
