import type { AmiMessage } from '@amiable/ami';

/**
 * Fast header access for the reducer. Asterisk spells a given key the same
 * way every time, so an exact-case scan finds it first; a case-insensitive
 * scan is the fallback (pitfall 7: key case differs between sources).
 */
export function field(msg: AmiMessage, key: string): string | undefined {
  const f = msg.fields;
  for (let i = 0; i < f.length; i += 2) if (f[i] === key) return f[i + 1];
  const len = key.length;
  const lower = key.toLowerCase();
  for (let i = 0; i < f.length; i += 2) {
    const k = f[i]!;
    if (k.length === len && k.toLowerCase() === lower) return f[i + 1];
  }
  return undefined;
}

/** Value of `key`, or '' when the header is absent. */
export function text(msg: AmiMessage, key: string): string {
  return field(msg, key) ?? '';
}

/** Integer value of `key`, or null when absent or not a number. */
export function int(msg: AmiMessage, key: string): number | null {
  const v = field(msg, key);
  if (v === undefined || v === '') return null;
  const n = Number.parseInt(v, 10);
  return Number.isNaN(n) ? null : n;
}

/** `<unknown>` (channel snapshots), `unknown` (QueueEntry) and '' all mean "no value". */
export function orNull(v: string | undefined): string | null {
  if (v === undefined || v === '' || v === '<unknown>' || v === 'unknown') return null;
  return v;
}

const ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/** Undo Asterisk's C escaping (`O\'Brien` → `O'Brien`), as applied to caller names and VarSet values. */
export function cUnescape(v: string): string {
  if (v.indexOf('\\') === -1) return v;
  let out = '';
  for (let i = 0; i < v.length; i++) {
    const c = v[i]!;
    if (c === '\\' && i + 1 < v.length) {
      const next = v[i + 1]!;
      const mapped = ESCAPES[next];
      if (mapped !== undefined) {
        out += mapped;
        i++;
        continue;
      }
    }
    out += c;
  }
  return out;
}

/** A caller-ID style value: placeholder → null, then un-escaped. */
export function cid(msg: AmiMessage, key: string): string | null {
  const v = orNull(field(msg, key));
  return v === null ? null : cUnescape(v);
}
