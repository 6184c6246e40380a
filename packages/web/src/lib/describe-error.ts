import { CtiError, CtiServerError } from '@amiable/sdk';
import type { TFunction } from 'i18next';
import { i18n } from '../i18n/index.ts';

/** An error as people read it: a sentence (or a few) in the current language, naming the fields at fault. */
export interface DescribedError {
  /** One sentence per problem, in the current language. */
  message: string;
  /** The stable code, for logs and support (not for display). */
  code?: string;
  /** The fields at fault (schema names, e.g. `mac`), to highlight them in a form. */
  fields: string[];
}

interface Issue {
  path: string;
  message: string;
}

/** Request parts the server names before the field (`/body/mac`, `querystring/limit`). */
const REQUEST_PARTS = new Set(['body', 'querystring', 'params', 'headers', 'args']);
const MAX_SENTENCES = 3;

/**
 * Turns anything thrown by the SDK (client codes like `SDK_ERR_NETWORK`, server codes like
 * `CTI_ERR_FORBIDDEN`, validation errors like `body/mac Expected union value`) into sentences.
 * `lng` picks the language (the current one by default). The strings live in the common namespace
 * under `errors.*`; field names under `fields.*`.
 */
export function describeError(error: unknown, lng?: string): DescribedError {
  const t = i18n.getFixedT(lng ?? null, 'common');
  if (error instanceof CtiError) return describeCtiError(error, t);
  if (error instanceof Error) return { message: sentenceOrGeneric(error.message, t), fields: [] };
  return { message: sentenceOrGeneric(String(error ?? ''), t), fields: [] };
}

function describeCtiError(error: CtiError, t: TFunction): DescribedError {
  const base = { code: error.code };
  const details = (error.details ?? {}) as Record<string, unknown>;
  if (error.code === 'CTI_ERR_VALIDATION') {
    const issues = validationIssues(error, details);
    if (issues.length === 0) return { ...base, message: t('errors.validation.request'), fields: [] };
    const reason = typeof details.reason === 'string' ? details.reason : undefined;
    const sentences = issues.map((issue) => issueSentence(issue, reason, t));
    const fields = [...new Set(issues.map((i) => fieldName(i.path)).filter((f): f is string => f !== undefined))];
    return { ...base, message: unique(sentences).slice(0, MAX_SENTENCES).join(' '), fields };
  }
  if (error.code === 'CTI_ERR_CONFLICT' || error.code === 'CTI_ERR_DUPLICATE_RECORD') {
    const field = typeof details.field === 'string' ? details.field : undefined;
    const value = typeof details.value === 'string' || typeof details.value === 'number' ? String(details.value) : '';
    if (field) {
      const key = value ? 'errors.validation.takenValue' : 'errors.validation.taken';
      return { ...base, message: t(key, { field: fieldLabel(field, t), value }), fields: [field] };
    }
    return { ...base, message: t('errors.codes.CTI_ERR_CONFLICT'), fields: [] };
  }
  if (error.code === 'CTI_ERR_RATE_LIMITED' && typeof details.retryAfter === 'number') {
    return { ...base, message: t('errors.rateLimitedFor', { count: Math.max(1, Math.ceil(details.retryAfter)) }), fields: [] };
  }
  const http = /^HTTP_(\d{3})$/.exec(error.code);
  if (http) return { ...base, message: t('errors.http', { status: http[1] }), fields: [] };
  const key = `errors.codes.${error.code}`;
  if (i18n.exists(key, { ns: 'common' })) return { ...base, message: t(key), fields: [] };
  // A code this version does not know: the server's own message is a sentence, in English.
  const fallback = error instanceof CtiServerError ? 'errors.server' : 'errors.unexpected';
  return { ...base, message: sentenceOrGeneric(error.message, t, fallback), fields: [] };
}

/** The issues of a validation error: `details.errors`, or parsed from Fastify's `body/mac Expected …, body/ip …` message. */
function validationIssues(error: CtiError, details: Record<string, unknown>): Issue[] {
  const listed = Array.isArray(details.errors) ? details.errors : [];
  const issues = listed
    .filter((e): e is Issue => typeof e === 'object' && e !== null && typeof (e as Issue).path === 'string')
    .map((e) => ({ path: e.path, message: typeof e.message === 'string' ? e.message : '' }));
  if (issues.length > 0) return issues;
  const parsed: Issue[] = [];
  for (const part of error.message.split(/,\s+(?=(?:body|querystring|params|headers)\b)/)) {
    const match = /^(?:\/)?((?:body|querystring|params|headers)(?:\/[^\s]*)?)\s+(.*)$/.exec(part.trim());
    if (match) parsed.push({ path: `/${match[1]}`, message: match[2] ?? '' });
  }
  return parsed;
}

/** The field a JSON pointer names: its last segment that is not an index or a request part. */
export function fieldName(path: string): string | undefined {
  const segments = path
    .split('/')
    .filter((s) => s !== '' && !/^\d+$/.test(s) && !REQUEST_PARTS.has(s));
  return segments.at(-1);
}

/** "defaultExtension" → the translated label, or "default extension" when none is known. */
export function fieldLabel(name: string, t: TFunction = i18n.getFixedT(null, 'common')): string {
  const humanised = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return t(`fields.${name}`, { defaultValue: humanised });
}

/** One sentence for one failing field, from the validator's English message (TypeBox wording). */
function issueSentence(issue: Issue, reason: string | undefined, t: TFunction): string {
  const name = fieldName(issue.path);
  if (!name) return t('errors.validation.request');
  const field = fieldLabel(name, t);
  if (reason === 'CTI_ERR_INVALID_PHONE_NUMBER') return t('errors.validation.phone', { field });
  const m = issue.message;
  let match: RegExpExecArray | null;
  if (/required property/i.test(m)) return t('errors.validation.required', { field });
  if (/unexpected property/i.test(m)) return t('errors.validation.unexpected', { field });
  if ((match = /length greater or equal to (\d+)/i.exec(m))) {
    return match[1] === '1' ? t('errors.validation.required', { field }) : t('errors.validation.tooShort', { field, count: Number(match[1]) });
  }
  if ((match = /length less or equal to (\d+)/i.exec(m))) return t('errors.validation.tooLong', { field, count: Number(match[1]) });
  if ((match = /(?:greater|more) (?:or equal )?(?:to|than) (-?[\d.]+)/i.exec(m))) return t('errors.validation.tooSmall', { field, min: match[1] });
  if ((match = /less (?:or equal )?(?:to|than) (-?[\d.]+)/i.exec(m))) return t('errors.validation.tooLarge', { field, max: match[1] });
  if (/expected (number|integer)/i.test(m)) return t('errors.validation.number', { field });
  return t('errors.validation.invalid', { field });
}

/** Keeps a message that reads as a sentence; replaces codes, blanks and stack-like text with a generic sentence. */
function sentenceOrGeneric(message: string, t: TFunction, fallback = 'errors.unexpected'): string {
  const text = message.trim();
  if (!text || /^[A-Z][A-Z0-9_]+$/.test(text) || text.length > 300) return t(fallback);
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
