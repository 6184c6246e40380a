import { Component, type ErrorInfo, type ReactNode } from 'react';

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
    return (
      <div className="content">
        <div className="banner banner-danger" role="alert" data-testid="screen-error">
          <strong>This screen ran into a problem.</strong> <span className="small">{this.state.error.message}</span>
          <div style={{ marginTop: 8 }}>
            <button type="button" className="btn btn-sm" onClick={() => this.setState({ error: undefined })}>
              Try again
            </button>
          </div>
        </div>
      </div>
    );
  }
}
