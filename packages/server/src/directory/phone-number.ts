/**
 * Phone numbers are stored in E.164 (+15551234567). Input in any national or
 * international format is normalised with libphonenumber-js against a default
 * country, so '(555) 123-4567', '1 555 123 4567' and '+1 555 123 4567' (US),
 * or '020 7946 0018' and '0044 20 7946 0018' (GB), reach the same key.
 * Numbers must be *possible* (right length for the country), not necessarily
 * allocated: test ranges such as 555 are accepted.
 */
import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js';

export type { CountryCode };

const E164 = /^\+[1-9]\d{6,14}$/;

export function isE164(value: string): boolean {
  return E164.test(value);
}

export function isCountryCode(value: string): value is CountryCode {
  return isSupportedCountry(value);
}

/**
 * "00" then a country code is the international prefix most of the world dials (ITU-T E.164
 * recommends it), whatever the default country's own prefix (011 in the US): "0044 20 7946 0018"
 * reads as "+44 20 7946 0018". Other input is returned as it is.
 */
export function withInternationalPlus(text: string): string {
  const compact = text.replace(/[\s().-]/g, '');
  return /^00[1-9]\d{5,}$/.test(compact) ? `+${compact.slice(2)}` : text;
}

/** E.164 form of `raw`, or null when it is not a possible phone number (extensions, junk). */
export function normaliseNumber(raw: string | null | undefined, defaultCountry?: CountryCode): string | null {
  if (raw === null || raw === undefined) return null;
  const text = raw.trim();
  if (text === '' || text.length > 64) return null;
  // extract: false — the whole input is the number (faster than searching text for one).
  const parsed = parsePhoneNumberFromString(withInternationalPlus(text), { ...(defaultCountry === undefined ? {} : { defaultCountry }), extract: false });
  if (parsed === undefined || !parsed.isPossible()) return null;
  return parsed.number;
}
