import { type FormEvent, useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useToast } from '../../app/toasts.tsx';
import { Card } from '../../ui/card.tsx';

/** Click-to-dial from a typed number: the agent's phone rings first, then the number. */
export function DialBox() {
  const client = useClient();
  const toast = useToast();
  const [number, setNumber] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const to = number.trim();
    if (!to) return;
    setBusy(true);
    try {
      await client.command('call.originate', { to });
      toast.success('Calling', `Your phone rings first, then ${to}`);
      setNumber('');
    } catch (error) {
      toast.error(error, 'Could not place the call');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="Dial">
      <form className="row" onSubmit={submit}>
        <input
          className="input mono"
          type="tel"
          placeholder="Number or extension"
          value={number}
          onChange={(e) => setNumber(e.target.value)}
          aria-label="Number to dial"
          data-testid="dial-input"
        />
        <button type="submit" className="btn btn-primary" disabled={busy || !number.trim()} data-testid="btn-dial">
          Call
        </button>
      </form>
    </Card>
  );
}
