import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { currentLanguage } from '../i18n/index.ts';

/**
 * Formatting helpers shared by every screen: dates, durations, numbers and percentages follow the
 * current language through Intl (with the browser's region when it speaks that language, so
 * en-GB gets day/month dates). Digits stay Western (latn) in every language, as phone numbers and
 * extensions are. No React, no DOM. `lang` overrides the language (tests, exports).
 */

/** The Intl locale for a language: the browser's own tag when it is a variant of that language. */
export function intlLocale(lang: string = currentLanguage()): string {
  const browser = typeof navigator === 'undefined' ? undefined : navigator.language;
  const tag = browser && browser.split('-')[0]?.toLowerCase() === lang ? browser : lang;
  return `${tag}-u-nu-latn`;
}

/** 10002 → "10,002" (en), "10 002" (fr). */
export function formatNumber(value: number, lang?: string): string {
  return new Intl.NumberFormat(intlLocale(lang)).format(value);
}

/** 0 → "0:00", 75 → "1:15", 3725 → "1:02:05". Negative values count as 0. A clock: the same in every language. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  const mm = hours > 0 ? String(minutes).padStart(2, '0') : String(minutes);
  return `${hours > 0 ? `${hours}:` : ''}${mm}:${String(seconds).padStart(2, '0')}`;
}

function unit(value: number, name: 'hour' | 'minute' | 'second', lang: string | undefined, pad = false): string {
  return new Intl.NumberFormat(intlLocale(lang), {
    style: 'unit',
    unit: name,
    unitDisplay: 'narrow',
    ...(pad ? { minimumIntegerDigits: 2 } : {}),
  }).format(value);
}

/** A longer form for reports: 45 → "45s", 330 → "5m 30s", 7260 → "2h 01m" (in French "5min 30s", in Arabic "5 د 30 ث"). */
export function formatDurationLong(totalSeconds: number | null | undefined, lang?: string): string {
  if (totalSeconds === null || totalSeconds === undefined || !Number.isFinite(totalSeconds)) return '—';
  const s = Math.max(0, Math.round(totalSeconds));
  if (s < 60) return unit(s, 'second', lang);
  if (s < 3600) return `${unit(Math.floor(s / 60), 'minute', lang)} ${unit(s % 60, 'second', lang, true)}`;
  return `${unit(Math.floor(s / 3600), 'hour', lang)} ${unit(Math.floor((s % 3600) / 60), 'minute', lang, true)}`;
}

/** Whole seconds between an ISO timestamp and `now` (never negative). */
export function secondsSince(iso: string | null | undefined, now: number): number {
  if (!iso) return 0;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : Math.max(0, Math.floor((now - t) / 1000));
}

/** A percentage (0–100) with `digits` decimals, or "—" when unknown: "86%", "86 %" in French. */
export function formatPercent(value: number | null | undefined, digits = 0, lang?: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(intlLocale(lang), { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value / 100);
}

function parse(iso: string | null | undefined): Date | undefined {
  if (!iso) return undefined;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** Local time of day on a 24-hour clock, "14:05". */
export function formatClock(iso: string | null | undefined, lang?: string): string {
  const d = parse(iso);
  if (!d) return '—';
  return new Intl.DateTimeFormat(intlLocale(lang), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
}

/** Local date and time: "26 Nov 2026, 14:05" (en-GB), "26 nov. 2026, 14:05" (fr). */
export function formatDateTime(iso: string | null | undefined, lang?: string): string {
  const d = parse(iso);
  if (!d) return '—';
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(d);
}

/** A Date as the value of an `<input type="date">`: "2026-11-26" in local time. */
export function toDateInput(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * A phone number for display, grouped by libphonenumber-js the way the number's country writes
 * it: "+33634567890" → "+33 6 34 56 78 90". A `00` international prefix counts as "+". What is
 * not an international number (an extension, a national number whose country the browser cannot
 * know) is shown as sent. `unknown` is what to show when there is no number.
 */
export function formatPhone(number: string | null | undefined, unknown = '—'): string {
  if (!number) return unknown;
  const trimmed = number.trim();
  const international = internationalForm(trimmed);
  if (!international) return trimmed;
  const parsed = parsePhoneNumberFromString(international);
  return parsed?.isPossible() ? parsed.formatInternational() : trimmed;
}

/** "+44…" as it is, "0044…" as "+44…"; anything else is not written internationally. */
export function internationalForm(typed: string): string | null {
  const compact = typed.replace(/[\s().-]/g, '');
  if (/^\+\d{6,}$/.test(compact)) return compact;
  if (/^00[1-9]\d{5,}$/.test(compact)) return `+${compact.slice(2)}`;
  return null;
}

/** Initials for an avatar: "Ada Lovelace" → "AL", "jdoe" → "J". */
export function initials(name: string | null | undefined): string {
  const parts = (name ?? '').trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** "lang-en" → "EN" style language badge; null stays null. */
export function languageLabel(language: string | null | undefined): string | null {
  if (!language) return null;
  return language.toUpperCase();
}
