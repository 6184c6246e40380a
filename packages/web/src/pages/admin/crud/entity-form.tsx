import { type FormEvent, useState } from 'react';
import { type FieldSpec, type FormValues, fromFormValues, missingFields, toFormValues } from '../../../lib/form-spec.ts';
import { Field } from '../../../ui/field.tsx';

/** A form built from field specs; `onSubmit` receives the body to send. */
export function EntityForm({
  fields,
  entity,
  mode,
  onSubmit,
  onCancel,
}: {
  fields: readonly FieldSpec[];
  entity: Record<string, unknown> | undefined;
  mode: 'create' | 'edit';
  onSubmit: (body: Record<string, unknown>) => Promise<void>;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<FormValues>(() => toFormValues(fields, entity));
  const [busy, setBusy] = useState(false);
  const missing = missingFields(fields, values, mode);
  const set = (key: string, value: string | boolean) => setValues((v) => ({ ...v, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await onSubmit(fromFormValues(fields, values, mode));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack" onSubmit={submit} data-testid="entity-form">
      <div className="form-grid">
        {fields
          .filter((f) => !f.only || f.only === mode)
          .map((f) => (
            <Field key={f.key} label={f.label + (f.required ? ' *' : '')} hint={f.hint}>
              <Input spec={f} value={values[f.key] ?? ''} onChange={(v) => set(f.key, v)} />
            </Field>
          ))}
      </div>
      <div className="form-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy || missing.length > 0} data-testid="entity-save" title={missing.length ? `Missing: ${missing.join(', ')}` : undefined}>
          {busy && <span className="spinner" />}
          {mode === 'create' ? 'Create' : 'Save'}
        </button>
      </div>
    </form>
  );
}

function Input({ spec, value, onChange }: { spec: FieldSpec; value: string | boolean; onChange: (v: string | boolean) => void }) {
  const testId = `field-${spec.key}`;
  if (spec.kind === 'checkbox') {
    return (
      <span className="checkbox">
        <input type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} data-testid={testId} /> {spec.placeholder ?? 'Yes'}
      </span>
    );
  }
  if (spec.kind === 'select') {
    return (
      <select className="input" value={String(value)} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {spec.options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      className={`input${spec.mono ? ' mono' : ''}`}
      type={spec.kind === 'password' ? 'password' : spec.kind === 'number' || spec.kind === 'nullable-number' ? 'number' : 'text'}
      value={String(value)}
      placeholder={spec.placeholder}
      autoComplete={spec.kind === 'password' ? 'new-password' : 'off'}
      onChange={(e) => onChange(e.target.value)}
      data-testid={testId}
    />
  );
}
