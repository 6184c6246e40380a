import { describe, expect, it } from 'vitest';
import { formatClock, formatDateTime, formatDurationLong, formatNumber, formatPercent } from '../src/lib/format.ts';
import { RESOURCES } from '../src/i18n/locales/resources.ts';

/** "a.b_one" → "a.b": plural forms differ by language (Arabic has six), the key they belong to does not. */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

function flat(o: unknown, prefix = ''): Record<string, string> {
  return Object.entries(o as Record<string, unknown>).reduce<Record<string, string>>((acc, [k, v]) => {
    if (typeof v === 'string') acc[`${prefix}${k}`] = v;
    else Object.assign(acc, flat(v, `${prefix}${k}.`));
    return acc;
  }, {});
}

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]))].filter((p) => p !== 'count').sort();

/** The admin strings of the shared admin pieces (the other admin pages check their own). */
const ADMIN_PREFIXES = ['sections.', 'crud.', 'customers.', 'customerImport.', 'pauseReasons.', 'apiKeys.', 'pager.', 'dateRange.'];

describe('the app in English, French and Arabic', () => {
  for (const [ns, keep] of [
    ['common', () => true],
    ['admin', (k: string) => ADMIN_PREFIXES.some((p) => k.startsWith(p))],
  ] as const) {
    it(`has every English key of the ${ns} namespace in French and Arabic, with the same placeholders`, () => {
      const en = flat(RESOURCES.en![ns]);
      const wanted = [...new Set(Object.keys(en).filter(keep).map(base))].sort();
      for (const lang of ['fr', 'ar']) {
        const other = flat(RESOURCES[lang]![ns]);
        const have = new Set(Object.keys(other).map(base));
        expect(wanted.filter((k) => !have.has(k)), `${lang} lacks`).toEqual([]);
        for (const key of Object.keys(en).filter(keep)) {
          const same = Object.keys(other).find((k) => base(k) === base(key));
          expect(placeholders(other[same!]!), `${lang} ${key}`).toEqual(placeholders(en[key]!));
        }
      }
    });
  }

  it('writes numbers, percentages, durations and times in the language asked for, with Western digits', () => {
    expect(formatNumber(10002, 'en')).toBe('10,002');
    expect(formatNumber(10002, 'fr')).toMatch(/^10\s002$/);
    expect(formatNumber(10002, 'ar')).toBe('10,002');
    expect(formatPercent(80.9, 1, 'en')).toBe('80.9%');
    expect(formatPercent(80.9, 1, 'fr')).toMatch(/^80,9\s%$/);
    expect(formatDurationLong(330, 'en')).toBe('5m 30s');
    expect(formatDurationLong(330, 'fr')).toBe('5min 30s');
    expect(formatDurationLong(330, 'ar')).toMatch(/^5\s?د 30\s?ث$/);
    const iso = new Date(2026, 10, 26, 14, 5).toISOString();
    expect(formatClock(iso, 'en')).toBe('14:05');
    expect(formatClock(iso, 'ar')).toBe('14:05');
    expect(formatDateTime(iso, 'fr')).toMatch(/26 nov\. 2026.*14:05/);
    expect(formatDateTime(iso, 'ar')).toMatch(/2026.*14:05/);
    expect(formatDateTime(iso, 'ar')).not.toMatch(/[٠-٩]/);
  });
});
