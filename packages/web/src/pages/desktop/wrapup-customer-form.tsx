import type { Customer, CustomerUpdate } from '@amiable/protocol';
import { type FormEvent, useEffect, useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useToast } from '../../app/toasts.tsx';
import { useAsync } from '../../app/use-async.ts';
import { useT } from '../../i18n/index.ts';
import { Field } from '../../ui/field.tsx';

type Editable = { name: string; company: string; address: string; language: string; notes: string };

const toForm = (c: Customer): Editable => ({
  name: c.name,
  company: c.company ?? '',
  address: (c as Customer & { address?: string | null }).address ?? '',
  language: c.language ?? '',
  notes: c.notes ?? '',
});

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

/** The caller's customer record, editable during wrap-up (name, company, address, language, notes). Saves are audited by the server. */
export function WrapupCustomerForm({ customerId }: { customerId: string }) {
  const { t } = useT('wrapup');
  const client = useClient();
  const toast = useToast();
  const loaded = useAsync(() => client.api.customers.get(customerId), [client, customerId]);
  const [form, setForm] = useState<Editable | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (loaded.data) setForm(toForm(loaded.data));
  }, [loaded.data]);
  if (!form) return null;

  const set = (key: keyof Editable) => (value: string) => setForm({ ...form, [key]: value });
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (form.name.trim() === '') return setProblem(t('customer.nameRequired'));
    setProblem(null);
    setBusy(true);
    try {
      const body = { name: form.name.trim(), company: orNull(form.company), address: orNull(form.address), language: orNull(form.language), notes: orNull(form.notes) };
      await client.api.customers.update(customerId, body as CustomerUpdate);
      toast.success(t('customer.saved'));
      loaded.reload();
    } catch (error) {
      toast.error(error, t('customer.saveFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="wrapup-customer stack" onSubmit={save} data-testid="wrapup-customer">
      <div className="stat-label">{t('customer.title')}</div>
      <div className="wrapup-customer-grid">
        <Field label={t('customer.name')}>
          <input className="input" value={form.name} maxLength={200} onChange={(e) => set('name')(e.target.value)} data-testid="wrapup-customer-name" />
        </Field>
        <Field label={t('customer.company')}>
          <input className="input" value={form.company} maxLength={200} onChange={(e) => set('company')(e.target.value)} data-testid="wrapup-customer-company" />
        </Field>
        <Field label={t('customer.address')}>
          <input className="input" value={form.address} maxLength={500} onChange={(e) => set('address')(e.target.value)} />
        </Field>
        <Field label={t('customer.language')}>
          <input className="input" value={form.language} maxLength={16} onChange={(e) => set('language')(e.target.value)} />
        </Field>
      </div>
      <Field label={t('customer.notes')}>
        <input className="input" value={form.notes} maxLength={4000} onChange={(e) => set('notes')(e.target.value)} data-testid="wrapup-customer-notes" />
      </Field>
      {problem && (
        <div className="form-error" role="alert">
          {problem}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="btn" disabled={busy} data-testid="wrapup-customer-save">
          {t('customer.save')}
        </button>
      </div>
    </form>
  );
}
