import { useClient } from '../../app/client-context.tsx';
import { useToast } from '../../app/toasts.tsx';
import { useT } from '../../i18n/index.ts';
import { formatPhone } from '../../lib/format.ts';
import { useDeskStatus } from './desk-status.tsx';

/** A phone number that dials when clicked (click-to-dial through the agent's own phone). */
export function DialLink({ number }: { number: string }) {
  const { t } = useT('desk');
  const client = useClient();
  const toast = useToast();
  const { offline } = useDeskStatus();
  const shown = formatPhone(number);
  return (
    <button
      type="button"
      className="link-button mono"
      dir="ltr"
      disabled={offline}
      title={t('dial.callNumber', { number: shown })}
      data-testid="click-to-dial"
      onClick={() =>
        client.command('call.originate', { to: number }).then(
          () => toast.success(t('dial.calling'), t('dial.callingBody', { number: shown })),
          (error: unknown) => toast.error(error, t('errors.dial')),
        )
      }
    >
      ☎ {shown}
    </button>
  );
}
