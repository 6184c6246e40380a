import type { AmiMessage } from '../codec/message.ts';

/** Headers left out of the one-line form: they are in every event and carry little. */
const NOISE = new Set(['event', 'privilege']);

/**
 * One line per event: `12:00:01.234 Newstate Channel=PJSIP/1001-00000000 ...`.
 * Values with spaces are quoted; line breaks inside values are escaped.
 */
export function formatEventLine(event: AmiMessage): string {
  const time = new Date(event.receivedAt).toISOString().slice(11, 23);
  const parts = [time, event.event ?? '(no event)'];
  for (let i = 0; i < event.fields.length; i += 2) {
    const key = event.fields[i]!;
    if (NOISE.has(key.toLowerCase())) continue;
    const raw = event.fields[i + 1]!.replace(/\r/g, '\\r').replace(/\n/g, '\\n');
    parts.push(`${key}=${raw === '' || /\s|"/.test(raw) ? JSON.stringify(raw) : raw}`);
  }
  return parts.join(' ');
}
