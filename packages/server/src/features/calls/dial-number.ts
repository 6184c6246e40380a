import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { withInternationalPlus } from '../../directory/phone-number.ts';
import { ServiceErrors } from '../common/service-errors.ts';

const INTERNAL = /^[0-9*#]{2,6}$/;

/**
 * Turn what a person typed into a dial string. Short digit strings are internal
 * extensions and go as they are; anything else must be a valid phone number for
 * the default country and is dialled in E.164, after the outbound prefix. A `00`
 * international prefix is read as "+" whatever the default country.
 */
export function toDialString(input: string, options: { defaultCountry: string; outboundPrefix: string }): string {
  const typed = input.trim();
  if (INTERNAL.test(typed)) return typed;
  const parsed = parsePhoneNumberFromString(withInternationalPlus(typed), options.defaultCountry as CountryCode);
  if (!parsed || !parsed.isPossible()) {
    throw ServiceErrors.invalidNumber(`${JSON.stringify(typed)} is not a number we can dial`, { number: typed });
  }
  return `${options.outboundPrefix}${parsed.number}`;
}
