/** Formatting helpers that reproduce how Asterisk prints values on AMI. */

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `2026-11-26T05:37:00.211+0000` (security events' EventTV / SessionTV). */
export function eventTv(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(
    d.getUTCMinutes(),
  )}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}+0000`;
}

/** `2026-11-26 05:37:01`: Cdr times, printed in the PBX's local zone (UTC here). */
export function localDateTime(ms: number): string {
  const d = new Date(ms);
  return `${dateOnly(ms)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export function dateOnly(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function timeOnly(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** `HH:MM:SS` for a duration in seconds (CoreShowChannel Duration). */
export function hms(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/** `1795671771.390879`: epoch seconds with microseconds (Ping Timestamp, RTCP SentNTP). */
export function epochMicros(ms: number): string {
  const whole = Math.floor(ms / 1000);
  const micros = Math.round((ms - whole * 1000) * 1000);
  return `${whole}.${String(micros).padStart(6, '0')}`;
}

export function epochSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}

/**
 * C-style escaping as ast_escape_c_alloc() does it for CallerIDName,
 * ConnectedLineName and variable values in channel snapshots.
 */
export function escapeC(value: string): string {
  if (!/[\\'"?\x00-\x1f]/.test(value)) return value;
  let out = '';
  for (const ch of value) {
    switch (ch) {
      case '\\':
        out += '\\\\';
        break;
      case "'":
        out += "\\'";
        break;
      case '"':
        out += '\\"';
        break;
      case '?':
        out += '\\?';
        break;
      case '\n':
        out += '\\n';
        break;
      case '\r':
        out += '\\r';
        break;
      case '\t':
        out += '\\t';
        break;
      case '\x07':
        out += '\\a';
        break;
      case '\b':
        out += '\\b';
        break;
      case '\f':
        out += '\\f';
        break;
      case '\v':
        out += '\\v';
        break;
      default:
        out += ch.charCodeAt(0) < 0x20 ? '' : ch;
    }
  }
  return out;
}

/** Values must never break AMI framing: strip CR, LF and NUL from free text. */
export function oneLine(value: string): string {
  return value.replace(/[\r\n\0]/g, ' ');
}

/** djb2 (Asterisk's ast_str_hash) for "hash order" listings. */
export function strHash(s: string): number {
  let h = 5381;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 33) ^ s.charCodeAt(i)) >>> 0;
  return h;
}

/** Order items the way a hash container iterates: by bucket, then insertion. */
export function hashOrder<T>(items: readonly T[], key: (item: T) => string, buckets = 53): T[] {
  return items
    .map((item, i) => ({ item, i, b: strHash(key(item)) % buckets }))
    .sort((x, y) => x.b - y.b || x.i - y.i)
    .map((x) => x.item);
}
