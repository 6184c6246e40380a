import type { DemoInfo } from '@amiable/sdk';
import { type FormEvent, useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useAsync } from '../../app/use-async.ts';
import { useT } from '../../i18n/index.ts';
import { LanguageSwitch } from '../../i18n/language-switch.tsx';
import { describeError } from '../../lib/describe-error.ts';
import { DemoAccounts } from './demo-accounts.tsx';

export function LoginPage() {
  const { t, i18n } = useT('common');
  const client = useClient();
  const demo = useAsync<DemoInfo | undefined>(
    () =>
      client.api.demo().catch((error: unknown) => {
        console.info('No demo accounts on this server', error);
        return undefined;
      }),
    [client],
  );
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  // The error itself is kept, so that its sentence follows the language if the user switches.
  const [error, setError] = useState<unknown>();
  const shown = error === undefined ? undefined : describeError(error, i18n.language);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await client.login(username.trim(), password);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <div className="login-screen">
      <div className="login-panel">
        <div className="login-top">
          <div className="login-brand">
            <img src="/favicon.svg" alt="" width={40} height={40} />
            <div>
              <h1>{t('app.name')}</h1>
              <p className="muted">{t('login.tagline')}</p>
            </div>
          </div>
          <LanguageSwitch />
        </div>
        <form className="stack" onSubmit={submit} data-testid="login-form">
          <label className="field">
            <span>{t('fields.username')}</span>
            <input
              className="input"
              name="username"
              autoComplete="username"
              autoFocus
              required
              dir="auto"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              data-testid="login-username"
            />
          </label>
          <label className="field">
            <span>{t('fields.password')}</span>
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
          {shown && (
            <div className="banner banner-danger" role="alert" data-testid="login-error" data-code={shown.code}>
              {shown.message}
            </div>
          )}
          <button type="submit" className="btn btn-primary btn-lg" disabled={busy || !username || !password} data-testid="login-submit">
            {busy && <span className="spinner" aria-hidden="true" />}
            {t('login.submit')}
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
