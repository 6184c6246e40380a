import type { SignInContext } from '@amiable/sdk';
import { type FormEvent, useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useToast } from '../../app/toasts.tsx';
import { useAsync } from '../../app/use-async.ts';
import { Card } from '../../ui/card.tsx';
import { Field } from '../../ui/field.tsx';
import { Pill } from '../../ui/pill.tsx';

/**
 * Signs the agent in to the phone. The server finds the workstation from the
 * client's IP; when the policy allows, the agent may enter another extension.
 */
export function SignInPanel({ name }: { name: string }) {
  const client = useClient();
  const toast = useToast();
  const context = useAsync<SignInContext | undefined>(() => client.api.signInContext().catch(() => undefined), [client]);
  const [extension, setExtension] = useState('');
  const [busy, setBusy] = useState(false);
  const ctx = context.data;
  const detected = ctx?.workstation?.extension ?? ctx?.defaultExtension ?? null;
  const mayChoose = ctx ? ctx.allowExtensionChoice : true;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const chosen = extension.trim();
      await client.command('agent.signIn', chosen ? { extension: chosen } : {});
      toast.success('Signed in', chosen ? `At extension ${chosen}` : detected ? `At extension ${detected}` : undefined);
    } catch (error) {
      toast.error(error, 'Could not sign in');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sign-in-wrap">
      <Card title="Sign in to your phone" testId="sign-in-panel">
        <form className="stack" onSubmit={submit}>
          <p className="muted">
            You are signed out of the queues. Sign in to start taking calls as <strong>{name}</strong>.
          </p>
          {context.loading ? (
            <div className="row small muted">
              <span className="spinner" /> Looking for your workstation…
            </div>
          ) : detected ? (
            <div className="banner" data-testid="detected-workstation">
              {ctx?.workstation ? (
                <>
                  Workstation <strong>{ctx.workstation.name ?? ctx.workstation.id}</strong> detected: extension{' '}
                  <strong className="mono">{ctx.workstation.extension}</strong>
                </>
              ) : (
                <>
                  Your default extension is <strong className="mono">{detected}</strong>
                </>
              )}
            </div>
          ) : (
            <div className="banner banner-warning">No workstation was recognised for this computer. Enter the extension of your phone.</div>
          )}
          {ctx && ctx.queues.length > 0 && (
            <div className="row-wrap">
              <span className="small muted">You will join</span>
              {ctx.queues.map((q) => (
                <Pill key={q.queue} tone="primary" plain>
                  {q.queue}
                  {q.language ? ` · ${q.language.toUpperCase()}` : ''}
                </Pill>
              ))}
            </div>
          )}
          {mayChoose && (
            <Field label={detected ? 'Use another extension (optional)' : 'Extension'}>
              <input
                className="input mono"
                inputMode="numeric"
                placeholder={detected ?? 'e.g. 1001'}
                value={extension}
                onChange={(e) => setExtension(e.target.value)}
                data-testid="sign-in-extension"
                pattern="[0-9A-Za-z*#+_.\-]+"
              />
            </Field>
          )}
          <div className="form-actions">
            <button type="submit" className="btn btn-primary btn-lg" disabled={busy || (!detected && !extension.trim() && ctx !== undefined)} data-testid="btn-signin">
              {busy && <span className="spinner" />}
              Sign in
            </button>
          </div>
        </form>
      </Card>
    </div>
  );
}
