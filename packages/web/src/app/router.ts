import { useSyncExternalStore } from 'react';

/**
 * Hash routing (`#/desktop`, `#/admin/users`): the server serves one
 * index.html and needs no fallback rules.
 */
function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function current(): string {
  const hash = window.location.hash.replace(/^#/, '');
  return hash.startsWith('/') ? hash : '/';
}

export function useRoute(): string {
  return useSyncExternalStore(subscribe, current, () => '/');
}

export function navigate(path: string): void {
  if (current() !== path) window.location.hash = path;
}

/** `matchPrefix('/admin/users', '/admin')` → true. */
export function matchPrefix(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}
