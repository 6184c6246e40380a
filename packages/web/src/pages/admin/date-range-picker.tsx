import { type DateRange, lastDays } from '../../lib/time-range.ts';

const PRESETS = [
  { label: 'Today', days: 1 },
  { label: '7 days', days: 7 },
  { label: '30 days', days: 30 },
];

/** From/to dates with quick presets. */
export function DateRangePicker({ value, onChange }: { value: DateRange; onChange: (range: DateRange) => void }) {
  return (
    <>
      <label className="field">
        <span>From</span>
        <input className="input" type="date" value={value.from} max={value.to} onChange={(e) => e.target.value && onChange({ ...value, from: e.target.value })} data-testid="range-from" />
      </label>
      <label className="field">
        <span>To</span>
        <input className="input" type="date" value={value.to} min={value.from} onChange={(e) => e.target.value && onChange({ ...value, to: e.target.value })} data-testid="range-to" />
      </label>
      <div className="row">
        {PRESETS.map((p) => (
          <button key={p.days} type="button" className="btn btn-sm" onClick={() => onChange(lastDays(p.days))}>
            {p.label}
          </button>
        ))}
      </div>
    </>
  );
}
