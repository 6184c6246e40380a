import { useClient } from '../../app/client-context.tsx';
import { useToast } from '../../app/toasts.tsx';
import { formatPhone } from '../../lib/format.ts';

/** A phone number that dials when clicked (click-to-dial through the agent's own phone). */
export function DialLink({ number }: { number: string }) {
  const client = useClient();
  const toast = useToast();
  return (
    <button
      type="button"
      className="link-button mono"
      title={`Call ${number}`}
      data-testid="click-to-dial"
      onClick={() =>
        client.command('call.originate', { to: number }).then(
          () => toast.success('Calling', `Your phone rings first, then ${number}`),
          (error: unknown) => toast.error(error, 'Could not place the call'),
        )
      }
    >
      ☎ {formatPhone(number)}
    </button>
  );
}
