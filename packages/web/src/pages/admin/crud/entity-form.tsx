import { type FormEvent, useState } from 'react';
import { useT } from '../../../i18n/index.ts';
import { describeError } from '../../../lib/describe-error.ts';
import { type FieldSpec, type FormValues, fromFormValues, missingFields, toFormValues } from '../../../lib/form-spec.ts';
import { Field } from '../../../ui/field.tsx';
import { ChoicePicker } from './choice-picker.tsx';
import { SkillPicker } from './skill-picker.tsx';

/**
 * A form built from field specs; `onSubmit` receives the body to send. When it fails, the error is
 * shown as sentences above the buttons and the fields it names are marked invalid.
 */
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
  const { t } = useT('common');
  const [values, setValues] = useState<FormValues>(() => toFormValues(fields, entity));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const shown = error === undefined ? undefined : describeError(error);
  const invalid = new Set(shown?.fields ?? []);
  const missing = missingFields(fields, values, mode);
  const set = (key: string, value: string | boolean) => setValues((v) => ({ ...v, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(fromFormValues(fields, values, mode));
    } catch (failure) {
      console.warn('The form was refused', failure);
      setError(failure);
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
              <Input spec={f} value={values[f.key] ?? ''} invalid={invalid.has(f.key)} onChange={(v) => set(f.key, v)} yes={t('actions.yes')} />
            </Field>
          ))}
      </div>
      {shown && (
        <div className="banner banner-danger" role="alert" data-testid="form-error" data-code={shown.code}>
          {shown.message}
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="btn" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={busy || missing.length > 0}
          data-testid="entity-save"
          title={missing.length ? t('form.missing', { fields: missing.join(', ') }) : undefined}
        >
          {busy && <span className="spinner" />}
          {mode === 'create' ? t('actions.create') : t('actions.save')}
        </button>
      </div>
    </form>
  );
}

function Input({
  spec,
  value,
  invalid,
  yes,
  onChange,
}: {
  spec: FieldSpec;
  value: string | boolean;
  invalid: boolean;
  yes: string;
  onChange: (v: string | boolean) => void;
}) {
  const testId = `field-${spec.key}`;
  if (spec.kind === 'checkbox') {
    return (
      <span className="checkbox">
        <input type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} data-testid={testId} /> {spec.placeholder ?? yes}
      </span>
    );
  }
  if (spec.kind === 'choices') return <ChoicePicker options={spec.options ?? []} value={String(value)} onChange={onChange} testId={testId} />;
  if (spec.kind === 'skill-levels' && spec.options) return <SkillPicker options={spec.options} value={String(value)} onChange={onChange} testId={testId} />;
  if (spec.kind === 'select') {
    return (
      <select className="input" value={String(value)} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid || undefined} data-testid={testId}>
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
      // Codes, numbers and addresses read left to right even in Arabic.
      dir={spec.mono ? 'ltr' : 'auto'}
      aria-invalid={invalid || undefined}
      onChange={(e) => onChange(e.target.value)}
      data-testid={testId}
    />
  );
}
