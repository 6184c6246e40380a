import {
  type StringOptions,
  type TLiteral,
  type TNull,
  type TSchema,
  type TString,
  type TUnion,
  Type,
} from '@sinclair/typebox';

/**
 * Schema builders for every string that crosses the wire. Each one has a `maxLength` and a
 * `pattern` that forbids CR, LF and NUL, so no client value can ever inject a header into an
 * AMI action or a line into a log.
 */

/** Pattern fragment: any character except CR, LF and NUL. */
const NO_CONTROL = '[^\\r\\n\\x00]';

/** Free text without CR, LF or NUL (names, labels, notes). */
export function SafeString(options: StringOptions & { maxLength?: number } = {}): TString {
  const { maxLength = 256, ...rest } = options;
  return Type.String({ pattern: `^${NO_CONTROL}*$`, maxLength, ...rest });
}

/** A dial-plan extension such as `1001`, `*65` or `sales_1`. */
export function Extension(options: StringOptions = {}): TString {
  return Type.String({ pattern: '^[0-9A-Za-z*#+_.-]+$', minLength: 1, maxLength: 40, ...options });
}

/** A phone number as a person types it: digits, an optional `+`, spaces, dots, dashes, brackets, `*`, `#`. */
export function PhoneNumber(options: StringOptions = {}): TString {
  return Type.String({ pattern: '^\\+?[0-9*#][0-9*# ().-]*$', minLength: 1, maxLength: 40, ...options });
}

/** An Asterisk queue name such as `lang-en`. */
/** Where a call may be transferred: an extension or phone number, or a queue by name. */
export function TransferDestination(options: StringOptions = {}): TString {
  return Type.String({ pattern: '^(\\+?[0-9*#][0-9*# ().-]*|[A-Za-z0-9_.-]+)$', minLength: 1, maxLength: 64, ...options });
}

export function QueueName(options: StringOptions = {}): TString {
  return Type.String({ pattern: '^[A-Za-z0-9_.-]+$', minLength: 1, maxLength: 64, ...options });
}

/** A pause (or wrap-up) reason code such as `lunch` or `training`. */
export function ReasonCode(options: StringOptions = {}): TString {
  return Type.String({ pattern: '^[A-Za-z0-9_.:-]+$', minLength: 1, maxLength: 64, ...options });
}

/** An opaque identifier: agent ids, call ids (Asterisk linkedid such as `1718000000.42`), user ids. */
export function Identifier(options: StringOptions = {}): TString {
  return Type.String({ pattern: '^[A-Za-z0-9_.:@-]+$', minLength: 1, maxLength: 128, ...options });
}

/** A login name. */
export function Username(options: StringOptions = {}): TString {
  return Type.String({ pattern: '^[A-Za-z0-9_.@-]+$', minLength: 1, maxLength: 64, ...options });
}

/** A secret (password, token, API key): any printable text without CR, LF or NUL. */
export function Secret(options: StringOptions = {}): TString {
  return Type.String({ pattern: `^${NO_CONTROL}+$`, minLength: 1, maxLength: 1024, ...options });
}

/** A MAC address: `00:11:22:aa:bb:cc`, `00-11-22-AA-BB-CC` or `001122aabbcc`. */
export function MacAddress(options: StringOptions = {}): TString {
  return Type.String({ pattern: '^[0-9A-Fa-f]{2}([:-]?[0-9A-Fa-f]{2}){5}$', maxLength: 17, ...options });
}

/** An IPv4 or IPv6 address (syntax only). */
export function IpAddress(options: StringOptions = {}): TString {
  return Type.String({ pattern: '^[0-9A-Fa-f:.]+$', minLength: 2, maxLength: 45, ...options });
}

/** An ISO-8601 timestamp, as produced by `Date.prototype.toISOString()`. */
export function Timestamp(options: StringOptions = {}): TString {
  return Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9]{2}:[0-9]{2})$', maxLength: 40, ...options });
}

/** A URL (http or https), for screen-pop templates and CRM links. */
export function Url(options: StringOptions = {}): TString {
  return Type.String({ pattern: `^https?://${NO_CONTROL}+$`, maxLength: 2048, ...options });
}

/** `T | null`: the value is known to be absent. */
export function Nullable<T extends TSchema>(schema: T): TUnion<[T, TNull]> {
  return Type.Union([schema, Type.Null()]);
}

/** A union of string literals from a constant list, e.g. `OneOf(ROLES)`. */
export function OneOf<const T extends readonly string[]>(values: T): TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }> {
  return Type.Union(values.map((v) => Type.Literal(v))) as never;
}
