import type { SignInContext } from '@amiable/sdk';
import { type FormEvent, useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useToast } from '../../app/toasts.tsx';
import { useAsync } from '../../app/use-async.ts';
import { Card } from '../../ui/card.tsx';
import { Field } from '../../ui/field.tsx';
import { Pill } from '../../ui/pill.tsx';
import { useT } from '../../i18n/index.ts';
import { useDeskStatus } from './desk-status.tsx';

/**
 * Signs the agent in to the phone. The server finds the workstation from the
 * client's IP; when the policy allows, the agent may enter another extension.
 */
export function SignInPanel({ name }: { name: string }) {
  const { t } = useT('desk');
  const { offline } = useDeskStatus();
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
      toast.success(t('signIn.done'), chosen ? t('signIn.atExtension', { extension: chosen }) : detected ? t('signIn.atExtension', { extension: detected }) : undefined);
    } catch (error) {
      toast.error(error, t('errors.signIn'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sign-in-wrap">
      <Card title={t('signIn.title')} testId="sign-in-panel">
        <form className="stack" onSubmit={submit}>
          <p className="muted">
            {t('signIn.intro', { name })}
          </p>
          {context.loading ? (
            <div className="row small muted">
              <span className="spinner" /> {t('signIn.looking')}
            </div>
          ) : detected ? (
            <div className="banner" data-testid="detected-workstation">
              {ctx?.workstation ? (
                <>
                  {t('signIn.workstation', { workstation: ctx.workstation.name ?? ctx.workstation.id })}{' '}
                  <strong className="mono">{ctx.workstation.extension}</strong>
                </>
              ) : (
                <>
                  {t('signIn.defaultExtension')} <strong className="mono">{detected}</strong>
                </>
              )}
            </div>
          ) : (
            <div className="banner banner-warning">{t('signIn.noWorkstation')}</div>
          )}
          {ctx && ctx.queues.length > 0 && (
            <div className="row-wrap">
              <span className="small muted">{t('signIn.willJoin')}</span>
              {ctx.queues.map((q) => (
                <Pill key={q.queue} tone="primary" plain>
                  {q.queue}
                  {q.language ? ` · ${q.language.toUpperCase()}` : ''}
                </Pill>
              ))}
            </div>
          )}
          {mayChoose && (
            <Field label={detected ? t('signIn.otherExtension') : t('session.extension')}>
              <input
                className="input mono"
                inputMode="numeric"
                placeholder={detected ?? t('signIn.extensionExample')}
                value={extension}
                onChange={(e) => setExtension(e.target.value)}
                data-testid="sign-in-extension"
                pattern="[0-9A-Za-z*#+_.\-]+"
              />
            </Field>
          )}
          <div className="form-actions">
            <button type="submit" className="btn btn-primary btn-lg" disabled={offline || busy || (!detected && !extension.trim() && ctx !== undefined)} data-testid="btn-signin">
              {busy && <span className="spinner" />}
              {t('signIn.submit')}
            </button>
          </div>
        </form>
      </Card>
    </div>
  );
}
