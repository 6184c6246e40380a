import { CODES, CtiError } from '../../identity/errors.ts';
import {
  DuplicateRecordError,
  InvalidPhoneNumberError,
  InvalidRecordError,
  RecordNotFoundError,
} from '../../persistence/errors.ts';

/** A `CTI_ERR_VALIDATION` error about one field, shaped like the schema validator's. */
export function invalid(path: string, message: string): CtiError {
  return new CtiError(CODES.VALIDATION, message, { errors: [{ path, message }] });
}

export function conflict(message: string, details?: unknown): CtiError {
  return new CtiError(CODES.CONFLICT, message, details);
}

export function notFound(message: string): CtiError {
  return new CtiError(CODES.NOT_FOUND, message);
}

/**
 * Turns repository errors into the gateway's client errors: a duplicate key is a 409, a value the
 * repository refuses (bad MAC, CIDR, phone number, proficiency) is a 400 naming the field.
 */
export function translateStoreError(error: unknown): unknown {
  if (error instanceof DuplicateRecordError) return conflict(error.message, error.details);
  if (error instanceof RecordNotFoundError) return new CtiError(CODES.NOT_FOUND, error.message, error.details);
  if (error instanceof InvalidRecordError || error instanceof InvalidPhoneNumberError) {
    const field = Object.keys(error.details ?? {})[0];
    return new CtiError(CODES.VALIDATION, error.message, {
      errors: [{ path: `/body${field ? `/${field}` : ''}`, message: error.message }],
      reason: error.code,
    });
  }
  if (isForeignKeyViolation(error)) return invalid('/body', 'The request refers to a record that does not exist');
  return error;
}

/** Runs a repository call, translating its errors. */
export async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw translateStoreError(error);
  }
}

function isForeignKeyViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}
