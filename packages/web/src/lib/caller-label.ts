import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * Who is on the other end of a call, for a list: the caller's name when the PBX gave one, else
 * the number formatted by libphonenumber-js (international form), else null.
 */
export function callerLabel(call: { callerName: string | null; callerNumber: string | null }): string | null {
  const name = call.callerName?.trim();
  if (name && name !== call.callerNumber) return name;
  return formatNumber(call.callerNumber);
}

/** A number as people read it: `+44 20 7946 0000`; what the PBX sent when it does not parse. */
export function formatNumber(number: string | null): string | null {
  const raw = number?.trim();
  if (!raw) return null;
  const parsed = parsePhoneNumberFromString(raw.startsWith('00') ? `+${raw.slice(2)}` : raw);
  return parsed?.isValid() ? parsed.formatInternational() : raw;
}
