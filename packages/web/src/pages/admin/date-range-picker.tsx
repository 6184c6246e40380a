import { useT } from '../../i18n/index.ts';
import { type DateRange, lastDays } from '../../lib/time-range.ts';

const PRESETS = [
  { key: 'dateRange.today', days: 1 },
  { key: 'dateRange.days7', days: 7 },
  { key: 'dateRange.days30', days: 30 },
] as const;

/** From/to dates with quick presets. */
export function DateRangePicker({ value, onChange }: { value: DateRange; onChange: (range: DateRange) => void }) {
  const { t } = useT('admin');
  return (
    <>
      <label className="field">
        <span>{t('dateRange.from')}</span>
        <input className="input" type="date" value={value.from} max={value.to} onChange={(e) => e.target.value && onChange({ ...value, from: e.target.value })} data-testid="range-from" />
      </label>
      <label className="field">
        <span>{t('dateRange.to')}</span>
        <input className="input" type="date" value={value.to} min={value.from} onChange={(e) => e.target.value && onChange({ ...value, to: e.target.value })} data-testid="range-to" />
      </label>
      <div className="row-wrap">
        {PRESETS.map((p) => (
          <button key={p.days} type="button" className="btn btn-sm" onClick={() => onChange(lastDays(p.days))}>
            {t(p.key)}
          </button>
        ))}
      </div>
    </>
  );
}
