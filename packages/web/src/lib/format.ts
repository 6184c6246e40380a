/** Formatting helpers shared by every screen. Pure: no React, no DOM. */
import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** 0 → "0:00", 75 → "1:15", 3725 → "1:02:05". Negative values count as 0. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  const mm = hours > 0 ? String(minutes).padStart(2, '0') : String(minutes);
  return `${hours > 0 ? `${hours}:` : ''}${mm}:${String(seconds).padStart(2, '0')}`;
}

/** A longer form for reports: 45 → "45s", 330 → "5m 30s", 7260 → "2h 01m". */
export function formatDurationLong(totalSeconds: number | null | undefined): string {
  if (totalSeconds === null || totalSeconds === undefined || !Number.isFinite(totalSeconds)) return '—';
  const s = Math.max(0, Math.round(totalSeconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** Whole seconds between an ISO timestamp and `now` (never negative). */
export function secondsSince(iso: string | null | undefined, now: number): number {
  if (!iso) return 0;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : Math.max(0, Math.floor((now - t) / 1000));
}

/** A percentage with no decimals, or "—" when unknown. */
export function formatPercent(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${value.toFixed(digits)}%`;
}

/** Local time of day, "14:05". */
export function formatClock(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** Local date and time, "2026-11-26 14:05". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return `${toDateInput(d)} ${formatClock(iso)}`;
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
