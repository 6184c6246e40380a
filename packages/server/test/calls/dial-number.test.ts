import { describe, expect, it } from 'vitest';
import { toDialString } from '../../src/features/calls/dial-number.ts';

describe('what an agent types in the dial box', () => {
  const us = { defaultCountry: 'US', outboundPrefix: '9' };

  it('dials short digit strings as internal extensions', () => {
    expect(toDialString('1002', us)).toBe('1002');
  });

  it('dials national and + numbers in E.164 after the outbound prefix', () => {
    expect(toDialString('(555) 123-4567', us)).toBe('9+15551234567');
    expect(toDialString('+44 20 7946 0018', us)).toBe('9+442079460018');
  });

  it('reads a 00 international prefix as + even where the country dials 011', () => {
    expect(toDialString('0044 20 7946 0018', us)).toBe('9+442079460018');
    expect(toDialString('0033634567890', { defaultCountry: 'FR', outboundPrefix: '' })).toBe('+33634567890');
  });

  it('refuses what is not a number with CTI_ERR_INVALID_NUMBER', () => {
    expect(() => toDialString('00 12', us)).toThrow(expect.objectContaining({ code: 'CTI_ERR_INVALID_NUMBER' }));
    expect(() => toDialString('call me', us)).toThrow(expect.objectContaining({ code: 'CTI_ERR_INVALID_NUMBER' }));
  });
});
