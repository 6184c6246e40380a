import { useT } from '../../../i18n/index.ts';
import { parseList } from './list-text.ts';

/** Several ids chosen by name: one checkbox per option; the value stays a comma-separated list of ids. */
export function ChoicePicker({
  options,
  value,
  onChange,
  testId,
}: {
  options: readonly { value: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
  testId: string;
}) {
  const { t } = useT('admin');
  const chosen = parseList(value);
  const toggle = (id: string, on: boolean) => onChange((on ? [...chosen, id] : chosen.filter((c) => c !== id)).join(', '));
  if (options.length === 0) return <span className="small muted">{t('form.noChoices')}</span>;
  return (
    <div className="choice-picker" data-testid={testId}>
      {options.map((o) => (
        <label key={o.value} className="checkbox choice">
          <input type="checkbox" checked={chosen.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} data-value={o.value} />
          {o.label}
        </label>
      ))}
    </div>
  );
}
