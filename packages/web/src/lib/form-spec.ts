/**
 * Declarative forms of the admin console: each field says how an entity's
 * value becomes an input's text and back. Pure, so the conversions are tested
 * without a browser.
 */
export type FieldKind =
  | 'text'
  | 'password'
  | 'number'
  | 'nullable-number'
  | 'nullable-text'
  | 'select'
  | 'checkbox'
  | 'list'
  /** `[{ skillId, level }]`: picked by name from `options`, each with a level (kept as `en:100, fr:50`). */
  | 'skill-levels'
  /** Several ids picked by name from `options` (kept as `a, b` like a list). */
  | 'choices';

export interface FieldSpec {
  key: string;
  label: string;
  kind: FieldKind;
  options?: readonly { value: string; label: string }[];
  required?: boolean;
  hint?: string;
  placeholder?: string;
  /** Only on create (e.g. password), or only on edit. */
  only?: 'create' | 'edit';
  mono?: boolean;
}

export type FormValues = Record<string, string | boolean>;

export function toFormValues(fields: readonly FieldSpec[], entity: Record<string, unknown> | undefined): FormValues {
  const values: FormValues = {};
  for (const f of fields) {
    const v = entity?.[f.key];
    if (f.kind === 'checkbox') values[f.key] = v === true;
    else if (f.kind === 'list' || f.kind === 'choices') values[f.key] = Array.isArray(v) ? v.join(', ') : '';
    else if (f.kind === 'skill-levels') values[f.key] = Array.isArray(v) ? formatSkillLevels(v as SkillLevel[]) : '';
    else if (f.kind === 'password') values[f.key] = '';
    else values[f.key] = v === null || v === undefined ? (f.kind === 'select' ? (f.options?.[0]?.value ?? '') : '') : String(v);
  }
  return values;
}

/**
 * The body to send. On edit, an empty password is left out (unchanged);
 * empty nullable fields become null; lists split on commas.
 */
export function fromFormValues(fields: readonly FieldSpec[], values: FormValues, mode: 'create' | 'edit'): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.only && f.only !== mode) continue;
    const raw = values[f.key];
    const text = typeof raw === 'string' ? raw.trim() : '';
    switch (f.kind) {
      case 'checkbox':
        body[f.key] = raw === true;
        break;
      case 'list':
      case 'choices':
        body[f.key] = text
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        break;
      case 'skill-levels':
        body[f.key] = parseSkillLevels(text);
        break;
      case 'number':
        body[f.key] = Number(text || 0);
        break;
      case 'nullable-number':
        body[f.key] = text === '' ? null : Number(text);
        break;
      case 'nullable-text':
        body[f.key] = text === '' ? null : text;
        break;
      case 'password':
        if (text !== '' || mode === 'create') body[f.key] = typeof raw === 'string' ? raw : '';
        break;
      default:
        body[f.key] = text;
    }
  }
  return body;
}

/** Fields that are required but empty (by label), to block submitting. */
export function missingFields(fields: readonly FieldSpec[], values: FormValues, mode: 'create' | 'edit'): string[] {
  return fields
    .filter((f) => f.required && (!f.only || f.only === mode) && f.kind !== 'checkbox')
    .filter((f) => String(values[f.key] ?? '').trim() === '')
    .map((f) => f.label);
}

export interface SkillLevel {
  skillId: string;
  level: number;
}

export function formatSkillLevels(skills: readonly SkillLevel[]): string {
  return skills.map((s) => `${s.skillId}:${s.level}`).join(', ');
}

/** `en:100, fr` → `[{ skillId: 'en', level: 100 }, { skillId: 'fr', level: 100 }]` (level defaults to 100, clamped 0..100). */
export function parseSkillLevels(text: string): SkillLevel[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [id, level] = part.split(':').map((x) => x.trim());
      const n = level === undefined || level === '' ? 100 : Number(level);
      return { skillId: id ?? '', level: Number.isFinite(n) ? Math.min(100, Math.max(0, Math.round(n))) : 100 };
    })
    .filter((s) => s.skillId !== '');
}
