/**
 * Errors raised by persistence, the customer directory and reports. Every
 * error carries a stable `code`; the list lives in docs/errors.md under
 * "Persistence and reports".
 */
export class PersistenceError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: string, message: string, details?: Record<string, unknown>, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

/** The database configuration is invalid (unknown driver, bad schema name, missing file or URL). */
export class DatabaseConfigError extends PersistenceError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('CTI_ERR_DB_CONFIG', message, details);
  }
}

/** The database could not be opened or reached. */
export class DatabaseUnavailableError extends PersistenceError {
  constructor(message: string, cause: unknown, details?: Record<string, unknown>) {
    super('CTI_ERR_DB_UNAVAILABLE', message, details, { cause });
  }
}

/** A schema migration failed; the database is left at the last migration that succeeded. */
export class MigrationFailedError extends PersistenceError {
  constructor(migration: string | undefined, cause: unknown) {
    super('CTI_ERR_DB_MIGRATION_FAILED', `database migration ${migration ?? '(setup)'} failed`, { migration }, { cause });
  }
}

/** The record to update or delete does not exist. */
export class RecordNotFoundError extends PersistenceError {
  constructor(entity: string, key: string) {
    super('CTI_ERR_RECORD_NOT_FOUND', `${entity} ${key} does not exist`, { entity, key });
  }
}

/** A unique field (username, code, MAC, number...) is already taken by another record. */
export class DuplicateRecordError extends PersistenceError {
  constructor(entity: string, field: string, value: string) {
    super('CTI_ERR_DUPLICATE_RECORD', `${entity} with ${field} ${value} already exists`, { entity, field, value });
  }
}

/** A value failed validation before it reached the database (bad IP/CIDR, MAC, proficiency, range...). */
export class InvalidRecordError extends PersistenceError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('CTI_ERR_INVALID_RECORD', message, details);
  }
}

/** A phone number that must be stored in E.164 could not be normalised. */
export class InvalidPhoneNumberError extends PersistenceError {
  constructor(raw: string) {
    super('CTI_ERR_INVALID_PHONE_NUMBER', `phone number ${JSON.stringify(raw)} cannot be normalised to E.164`, {
      number: raw,
    });
  }
}

/** A customer CSV file cannot be imported at all (missing required columns, empty file). */
export class CsvImportError extends PersistenceError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('CTI_ERR_CSV_IMPORT', message, details);
  }
}

/**
 * A report was asked for an invalid date range, time zone or threshold. `details.field` names
 * the request field at fault (from, to, timeZone, serviceLevelSeconds); answered as HTTP 400.
 */
export class InvalidReportRangeError extends PersistenceError {
  readonly status = 400;
  constructor(message: string, details: Record<string, unknown> & { field: string }) {
    super('CTI_ERR_REPORT_RANGE', message, details);
  }
}

/** A paging cursor could not be decoded. */
export class InvalidCursorError extends PersistenceError {
  constructor(cursor: string) {
    super('CTI_ERR_INVALID_CURSOR', 'invalid paging cursor', { cursor });
  }
}

/** True when `error` is a unique-constraint violation on SQLite or PostgreSQL. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
