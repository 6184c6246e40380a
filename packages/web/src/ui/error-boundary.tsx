import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useT } from '../i18n/index.ts';
import { describeError } from '../lib/describe-error.ts';

/**
 * Keeps a failure in one screen from blanking the whole app: shows what
 * happened and a way to try again.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, { error: Error | undefined }> {
  override state: { error: Error | undefined } = { error: undefined };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Screen failed', error, info.componentStack);
  }

  override componentDidUpdate(previous: { resetKey?: string }): void {
    if (this.state.error && previous.resetKey !== this.props.resetKey) this.setState({ error: undefined });
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return <ScreenError error={this.state.error} onRetry={() => this.setState({ error: undefined })} />;
  }
}

function ScreenError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useT('common');
  return (
    <div className="content">
      <div className="banner banner-danger" role="alert" data-testid="screen-error">
        <strong>{t('screenError.title')}</strong> <span className="small">{describeError(error).message}</span>
        <div className="banner-actions">
          <button type="button" className="btn btn-sm" onClick={onRetry}>
            {t('actions.tryAgain')}
          </button>
        </div>
      </div>
    </div>
  );
}
