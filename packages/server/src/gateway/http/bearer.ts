import { createHash, timingSafeEqual } from 'node:crypto';

/** Whether an Authorization header carries exactly this bearer token (compared in constant time). */
export function bearerMatches(header: string | undefined, expected: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(match[1]!), digest(expected));
}
