/** The agent desk's keyboard shortcuts: one key each, never while the agent types. */
export type DeskShortcut = 'ready' | 'pause' | 'hangup' | 'transfer' | 'dial' | 'help';

/** Key → action, in the order the help overlay lists them. */
export const DESK_SHORTCUTS: readonly { key: string; action: DeskShortcut }[] = [
  { key: 'r', action: 'ready' },
  { key: 'p', action: 'pause' },
  { key: 'h', action: 'hangup' },
  { key: 't', action: 'transfer' },
  { key: 'd', action: 'dial' },
  { key: '?', action: 'help' },
];

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  repeat?: boolean;
  target: unknown;
}

/** Whether the key went to a place where the agent types (a field, a list, an editable area). */
export function isTyping(target: unknown): boolean {
  if (!target || typeof target !== 'object') return false;
  const el = target as { tagName?: string; isContentEditable?: boolean };
  const tag = (el.tagName ?? '').toUpperCase();
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable === true;
}

/** The shortcut a key press stands for, or null (typing, a modifier held, a held-down key, another key). */
export function shortcutFor(event: KeyLike): DeskShortcut | null {
  if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return null;
  if (isTyping(event.target)) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return DESK_SHORTCUTS.find((s) => s.key === key)?.action ?? null;
}
