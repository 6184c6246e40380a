import type { SessionStorage, StoredSession } from './auth-session.ts';

/**
 * Keeps the session in the browser's Web Storage (sessionStorage by default:
 * a tab keeps its session across reloads, closing the tab ends it).
 * Returns undefined where no Web Storage exists (Node.js).
 */
export function browserSessionStorage(key = 'amiable.session', area: 'session' | 'local' = 'session'): SessionStorage | undefined {
  const storage = (globalThis as { sessionStorage?: Storage; localStorage?: Storage })[area === 'session' ? 'sessionStorage' : 'localStorage'];
  if (!storage) return undefined;
  return {
    load(): StoredSession | undefined {
      try {
        const raw = storage.getItem(key);
        const parsed = raw ? (JSON.parse(raw) as StoredSession) : undefined;
        return parsed?.kind === 'tokens' && typeof parsed.refreshToken === 'string' ? parsed : undefined;
      } catch {
        return undefined;
      }
    },
    save(session) {
      try {
        if (session) storage.setItem(key, JSON.stringify(session));
        else storage.removeItem(key);
      } catch {
        // storage full or disabled: the session simply does not survive a reload
      }
    },
  };
}
