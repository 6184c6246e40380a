/** The languages the web app speaks, and which of them are written right to left. */
export const LANGUAGES = ['en', 'fr', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

const RTL: ReadonlySet<string> = new Set(['ar']);

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** The text direction of a language tag ("ar", "ar-MA", "fr-CA"…). */
export function directionOf(tag: string): 'rtl' | 'ltr' {
  return RTL.has(tag.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

/** The supported language closest to a browser tag, or English. */
export function closestLanguage(tag: string | undefined): Language {
  const base = (tag ?? '').split('-')[0]!.toLowerCase();
  return isLanguage(base) ? base : 'en';
}
