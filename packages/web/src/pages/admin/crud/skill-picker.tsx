import { formatSkillLevels, parseSkillLevels } from '../../../lib/form-spec.ts';
import { useT } from '../../../i18n/index.ts';

/**
 * Skills picked by name, each with a level (0–100): a row per chosen skill and a menu of the
 * others. The value stays the `id:level, …` text the form converts.
 */
export function SkillPicker({
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
  const chosen = parseSkillLevels(value);
  const nameOf = (id: string) => options.find((o) => o.value === id)?.label ?? id;
  const set = (next: typeof chosen) => onChange(formatSkillLevels(next));
  const free = options.filter((o) => !chosen.some((c) => c.skillId === o.value));
  return (
    <div className="skill-picker" data-testid={testId}>
      {chosen.map((s) => (
        <div key={s.skillId} className="skill-picker-row" data-testid="skill-picker-row" data-skill={s.skillId}>
          <span className="skill-picker-name">{nameOf(s.skillId)}</span>
          <input
            className="input skill-picker-level"
            type="number"
            min={0}
            max={100}
            step={10}
            value={s.level}
            aria-label={t('agents.level', { skill: nameOf(s.skillId) })}
            onChange={(e) => set(chosen.map((c) => (c.skillId === s.skillId ? { ...c, level: Math.min(100, Math.max(0, Number(e.target.value) || 0)) } : c)))}
          />
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => set(chosen.filter((c) => c.skillId !== s.skillId))}>
            {t('form.remove')}
          </button>
        </div>
      ))}
      {free.length > 0 && (
        <select
          className="input"
          value=""
          onChange={(e) => e.target.value && set([...chosen, { skillId: e.target.value, level: 100 }])}
          data-testid={`${testId}-add`}
          aria-label={t('agents.addSkill')}
        >
          <option value="">{t('agents.addSkill')}</option>
          {free.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
      {options.length === 0 && <span className="small muted">{t('form.noChoices')}</span>}
    </div>
  );
}
