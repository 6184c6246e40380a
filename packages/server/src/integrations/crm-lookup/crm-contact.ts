import type { CustomerSummary } from '@amiable/protocol';

/** A contact as the CRM answered it, read through the configured field paths. */
export interface CrmContact {
  id: string | null;
  name: string | null;
  company: string | null;
  language: string | null;
  url: string | null;
}

export interface CrmFieldPaths {
  id: string;
  name: string;
  company: string;
  language: string;
  url: string;
}

const at = (value: unknown, path: string): unknown => {
  if (path === '') return value;
  let v = value;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
};

const text = (value: unknown, max: number, pattern?: RegExp): string | null => {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  // Control characters never reach a screen pop (the catalogue's SafeString refuses them).
  const s = String(value).replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, max);
  if (s === '' || (pattern && !pattern.test(s))) return null;
  return s;
};

/**
 * Reads the contact out of a CRM's JSON answer: the element at `resultPath` (the first one if it
 * is an array), then each field at its path. Values are trimmed, bounded and checked (an id the
 * catalogue would refuse, a link that is not http(s)) so a CRM cannot break the ringing event.
 * Undefined when the answer holds no contact.
 */
export function readCrmContact(json: unknown, resultPath: string, fields: CrmFieldPaths): CrmContact | undefined {
  let found = at(json, resultPath);
  if (Array.isArray(found)) found = found[0];
  if (found === null || typeof found !== 'object') return undefined;
  const contact: CrmContact = {
    id: text(at(found, fields.id), 100, /^[A-Za-z0-9_.:@-]+$/),
    name: text(at(found, fields.name), 200),
    company: text(at(found, fields.company), 200),
    language: text(at(found, fields.language), 16),
    url: text(at(found, fields.url), 2048, /^https?:\/\/\S+$/),
  };
  return contact.name === null && contact.id === null ? undefined : contact;
}

/**
 * The directory wins: a customer found there keeps its id and name, and the CRM only fills the
 * fields it leaves empty (company, language, link). A caller only the CRM knows gets a summary
 * whose id is `crm:<CRM id>` (not a directory id: the desk opens the CRM link for it).
 */
export function mergeCustomer(directory: CustomerSummary | null, crm: CrmContact | null): CustomerSummary | null {
  if (directory && !crm) return directory;
  if (directory && crm) {
    return {
      ...directory,
      company: directory.company ?? crm.company,
      language: directory.language ?? crm.language,
      externalUrl: directory.externalUrl ?? crm.url,
    };
  }
  if (!crm || crm.name === null) return null;
  return { id: `crm:${crm.id ?? 'unknown'}`, name: crm.name, company: crm.company, language: crm.language, externalUrl: crm.url };
}
