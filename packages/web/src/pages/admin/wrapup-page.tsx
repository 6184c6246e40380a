import type { WrapupPolicy } from '@amiable/sdk';
import { type FormEvent, useEffect, useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useToast } from '../../app/toasts.tsx';
import { useAsync } from '../../app/use-async.ts';
import { Card } from '../../ui/card.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { Field } from '../../ui/field.tsx';
import { Icon } from '../../ui/icon.tsx';

/** The wrap-up policy: how long agents stay in wrap-up after each call, and what they may do about it. */
export function WrapupPage() {
  const client = useClient();
  const toast = useToast();
  const policy = useAsync(() => client.api.wrapupPolicy.get(), [client]);
  const [form, setForm] = useState<WrapupPolicy | undefined>();
  const [unlimited, setUnlimited] = useState(false);
  useEffect(() => {
    if (policy.data) {
      setForm(policy.data);
      setUnlimited(policy.data.defaultSeconds === null);
    }
  }, [policy.data]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!form) return;
    try {
      await client.api.wrapupPolicy.update({ ...form, defaultSeconds: unlimited ? null : (form.defaultSeconds ?? 0) });
      toast.success('Wrap-up policy saved');
      policy.reload();
    } catch (error) {
      toast.error(error, 'Could not save the policy');
    }
  };

  return (
    <div className="content" data-testid="admin-wrapup">
      <div className="page-header">
        <div>
          <h1>Wrap-up policy</h1>
          <p>After each call, agents get time to finish their notes before the next call rings.</p>
        </div>
      </div>
      {!form ? (
        <Card>{policy.error ? <EmptyState icon={<Icon name="alert" size={30} />} title="Could not load the policy" /> : <EmptyState icon={<span className="spinner" />} title="Loading…" />}</Card>
      ) : (
        <Card>
          <form className="stack" onSubmit={save} style={{ maxWidth: 560 }}>
            <label className="checkbox">
              <input type="checkbox" checked={unlimited} onChange={(e) => setUnlimited(e.target.checked)} data-testid="wrapup-unlimited" />
              Wrap-up lasts until the agent presses Ready
            </label>
            {!unlimited && (
              <Field label="Wrap-up time (seconds)" hint="0 means no wrap-up. Agents can have their own value.">
                <input className="input" type="number" min={0} max={86400} value={form.defaultSeconds ?? 0} onChange={(e) => setForm({ ...form, defaultSeconds: Number(e.target.value) })} data-testid="wrapup-seconds" />
              </Field>
            )}
            <label className="checkbox">
              <input type="checkbox" checked={form.agentCanEnd} onChange={(e) => setForm({ ...form, agentCanEnd: e.target.checked })} />
              Agents may end wrap-up early (Ready button)
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={form.allowPauseAfterCall} onChange={(e) => setForm({ ...form, allowPauseAfterCall: e.target.checked })} />
              Agents may ask to pause after the current call
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={form.allowExtensionChoice ?? false} onChange={(e) => setForm({ ...form, allowExtensionChoice: e.target.checked })} />
              Agents may choose their extension at sign-in (otherwise the workstation decides)
            </label>
            <div className="form-actions">
              <button type="submit" className="btn btn-primary" data-testid="wrapup-save">
                Save policy
              </button>
            </div>
          </form>
        </Card>
      )}
    </div>
  );
}
