import { type FormEvent, useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useToast } from '../../app/toasts.tsx';
import { Field } from '../../ui/field.tsx';
import { Modal } from '../../ui/modal.tsx';
import { useT } from '../../i18n/index.ts';

/** Creates a customer from the screen-pop, prefilled with the caller's number, name and language. */
export function CreateCustomerDialog(props: {
  number: string | null;
  name: string | null;
  language: string | null;
  onClose: () => void;
  onCreated: () => void;
}) {
  const { t } = useT('desk');
  const client = useClient();
  const toast = useToast();
  const [name, setName] = useState(props.name ?? '');
  const [number, setNumber] = useState(props.number ?? '');
  const [language, setLanguage] = useState(props.language ?? '');
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await client.api.customers.create({
        name: name.trim(),
        phoneNumbers: [number.trim()],
        language: language.trim() || null,
        notes: notes.trim() || null,
      });
      toast.success(t('customer.created'), name);
      props.onCreated();
    } catch (error) {
      toast.error(error, t('errors.createCustomer'));
      setBusy(false);
    }
  };

  return (
    <Modal title={t('customer.newTitle')} onClose={props.onClose} testId="create-customer-dialog">
      <form className="stack" onSubmit={submit}>
        <Field label={t('customer.name')}>
          <input className="input" required autoFocus value={name} onChange={(e) => setName(e.target.value)} data-testid="new-customer-name" />
        </Field>
        <div className="form-grid">
          <Field label={t('customer.phoneNumber')}>
            <input className="input mono" dir="ltr" required value={number} onChange={(e) => setNumber(e.target.value)} data-testid="new-customer-number" />
          </Field>
          <Field label={t('customer.language')}>
            <input className="input" value={language} placeholder="en" onChange={(e) => setLanguage(e.target.value)} />
          </Field>
        </div>
        <Field label={t('customer.notes')}>
          <textarea className="input" value={notes} onChange={(e) => setNotes(e.target.value)} />
        </Field>
        <div className="form-actions">
          <button type="button" className="btn" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy || !name.trim() || !number.trim()} data-testid="new-customer-save">
            {t('customer.createShort')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
