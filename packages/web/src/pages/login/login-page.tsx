import type { DemoInfo } from '@amiable/sdk';
import { type FormEvent, useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { describeError } from '../../app/toasts.tsx';
import { useAsync } from '../../app/use-async.ts';
import { DemoAccounts } from './demo-accounts.tsx';

export function LoginPage() {
  const client = useClient();
  const demo = useAsync<DemoInfo | undefined>(() => client.api.demo().catch(() => undefined), [client]);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; code?: string } | undefined>();

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await client.login(username.trim(), password);
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  };

  return (
    <div className="login-screen">
      <div className="login-panel">
        <div className="login-brand">
          <img src="/favicon.svg" alt="" width={40} height={40} />
          <div>
            <h1>Amiable</h1>
            <p className="muted">Contact centre for Asterisk</p>
          </div>
        </div>
        <form className="stack" onSubmit={submit} data-testid="login-form">
          <label className="field">
            <span>Username</span>
            <input
              className="input"
              name="username"
              autoComplete="username"
              autoFocus
              required
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              data-testid="login-username"
            />
          </label>
          <label className="field">
            <span>Password</span>
            <input
              className="input"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="login-password"
            />
          </label>
          {error && (
            <div className="banner banner-danger" role="alert" data-testid="login-error">
              {error.message}
              {error.code && <div className="toast-code">{error.code}</div>}
            </div>
          )}
          <button type="submit" className="btn btn-primary btn-lg" disabled={busy || !username || !password} data-testid="login-submit">
            {busy && <span className="spinner" aria-hidden="true" />}
            Sign in
          </button>
        </form>
        {demo.data && demo.data.accounts.length > 0 && (
          <DemoAccounts
            demo={demo.data}
            onPick={(account) => {
              setUsername(account.username);
              setPassword(account.password);
            }}
          />
        )}
      </div>
    </div>
  );
}
