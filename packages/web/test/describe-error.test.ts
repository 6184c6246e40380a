import { CtiError, CtiNetworkError, CtiServerError } from '@amiable/sdk';
import { describe, expect, it } from 'vitest';
import { describeError, fieldName } from '../src/lib/describe-error.ts';

describe('errors shown to people', () => {
  it('says the server could not be reached, in the language asked for', () => {
    const error = new CtiNetworkError('fetch failed');
    expect(describeError(error, 'en')).toMatchObject({ code: 'SDK_ERR_NETWORK', message: expect.stringMatching(/could not be reached/) });
    expect(describeError(error, 'fr').message).toMatch(/Impossible de joindre le serveur/);
    expect(describeError(error, 'ar').message).toMatch(/تعذّر الوصول إلى الخادم/);
  });

  it('names the field of a Fastify validation message such as "body/mac Expected union value"', () => {
    const error = new CtiServerError('CTI_ERR_VALIDATION', 'body/mac Expected union value', undefined, 400);
    expect(describeError(error, 'en')).toEqual({ code: 'CTI_ERR_VALIDATION', message: 'The “MAC address” field is not valid.', fields: ['mac'] });
    expect(describeError(error, 'fr').message).toBe('Le champ « Adresse MAC » n’est pas valide.');
    expect(describeError(error, 'ar').message).toBe('قيمة الحقل «عنوان MAC» غير صالحة.');
  });

  it('turns each listed issue into a sentence: required, too long, unexpected', () => {
    const error = new CtiServerError('CTI_ERR_VALIDATION', 'Invalid body', {
      errors: [
        { path: '/body/username', message: 'Expected required property' },
        { path: '/body/displayName', message: 'Expected string length less or equal to 64' },
        { path: '/body/colour', message: 'Unexpected property' },
      ],
    });
    const shown = describeError(error, 'en');
    expect(shown.message).toBe(
      'The “Username” field is required. The “Display name” field is too long (at most 64 characters). The “colour” field is not expected here.',
    );
    expect(shown.fields).toEqual(['username', 'displayName', 'colour']);
    expect(describeError(error, 'fr').message).toContain('Le champ « Nom d’utilisateur » est obligatoire.');
  });

  it('explains a phone number the server cannot normalise, naming the field', () => {
    const error = new CtiServerError('CTI_ERR_VALIDATION', 'Cannot normalise 12', {
      errors: [{ path: '/body/phoneNumbers', message: 'Cannot normalise 12' }],
      reason: 'CTI_ERR_INVALID_PHONE_NUMBER',
    });
    expect(describeError(error, 'en').message).toMatch(/^The “Phone numbers” field holds a number that is not a valid phone number/);
  });

  it('says which value is already taken', () => {
    const error = new CtiServerError('CTI_ERR_CONFLICT', 'duplicate', { entity: 'workstation', field: 'mac', value: '00:11:22:33:44:55' }, 409);
    expect(describeError(error, 'en').message).toBe('The “MAC address” 00:11:22:33:44:55 is already taken.');
  });

  it('gives server codes their own sentence, and a plain sentence for unknown codes and HTTP errors', () => {
    expect(describeError(new CtiServerError('CTI_ERR_INVALID_CREDENTIALS', 'Invalid username or password'), 'fr').message).toBe(
      'Le nom d’utilisateur ou le mot de passe est incorrect.',
    );
    expect(describeError(new CtiServerError('CTI_ERR_RATE_LIMITED', 'slow down', { retryAfter: 30 }), 'en').message).toBe(
      'Too many attempts. Try again in 30 seconds.',
    );
    expect(describeError(new CtiServerError('HTTP_502', 'Bad Gateway'), 'en').message).toMatch(/HTTP 502/);
    expect(describeError(new CtiServerError('CTI_ERR_SOMETHING_NEW', 'The moon is in the way'), 'en').message).toBe('The moon is in the way.');
    expect(describeError(new CtiError('SDK_ERR_UNHEARD_OF', 'SDK_ERR_UNHEARD_OF'), 'en').message).toMatch(/unexpected/);
  });

  it('reads the field from a JSON pointer, skipping request parts and indexes', () => {
    expect(fieldName('/body/mac')).toBe('mac');
    expect(fieldName('/workstation/mac')).toBe('mac');
    expect(fieldName('/body/phoneNumbers/0')).toBe('phoneNumbers');
    expect(fieldName('/')).toBeUndefined();
  });
});
