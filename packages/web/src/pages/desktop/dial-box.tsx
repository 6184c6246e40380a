import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useToast } from '../../app/toasts.tsx';
import { useT } from '../../i18n/index.ts';
import { formatPhone, internationalForm } from '../../lib/format.ts';
import { Card } from '../../ui/card.tsx';
import type { Request } from './desktop-page.tsx';
import { useDeskStatus } from './desk-status.tsx';

/**
 * Click-to-dial from a typed number: the agent's phone rings first, then the number. A `00`
 * international prefix is sent as "+" (the server reads it the same way).
 */
export function DialBox({ focusRequest = 0 }: { focusRequest?: Request }) {
  const { t } = useT('desk');
  const client = useClient();
  const toast = useToast();
  const { offline } = useDeskStatus();
  const [number, setNumber] = useState('');
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusRequest > 0) input.current?.focus();
  }, [focusRequest]);
  const typed = number.trim();
  const international = internationalForm(typed);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!typed) return;
    const to = international ?? typed;
    setBusy(true);
    try {
      await client.command('call.originate', { to });
      toast.success(t('dial.calling'), t('dial.callingBody', { number: formatPhone(to) }));
      setNumber('');
    } catch (error) {
      toast.error(error, t('errors.dial'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('dial.title')}>
      <form className="stack-tight" onSubmit={submit}>
        <div className="row">
          <input
            ref={input}
            className="input mono"
            dir="ltr"
            type="tel"
            placeholder={t('dial.placeholder')}
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            aria-label={t('dial.label')}
            data-testid="dial-input"
          />
          <button type="submit" className="btn btn-primary" disabled={offline || busy || !typed} data-testid="btn-dial">
            {t('dial.call')}
          </button>
        </div>
        {international && (
          <span className="small muted" data-testid="dial-preview">
            {t('dial.preview', { number: formatPhone(international) })}
          </span>
        )}
      </form>
    </Card>
  );
}
