/**
 * The first stage of fan-out: scope key → subscribers. An event is checked only against the
 * subscribers filed under one of its keys (plus the "*" subscribers, i.e. admins).
 */
export function createScopeIndex<S>() {
  const byKey = new Map<string, Set<S>>();
  const keysOf = new Map<S, string[]>();

  return {
    set(subscriber: S, keys: string[]): void {
      this.remove(subscriber);
      keysOf.set(subscriber, keys);
      for (const key of keys) {
        let set = byKey.get(key);
        if (!set) byKey.set(key, (set = new Set()));
        set.add(subscriber);
      }
    },
    remove(subscriber: S): void {
      for (const key of keysOf.get(subscriber) ?? []) {
        const set = byKey.get(key);
        set?.delete(subscriber);
        if (set?.size === 0) byKey.delete(key);
      }
      keysOf.delete(subscriber);
    },
    /** Subscribers under any of the keys or under "*", each once. */
    lookup(keys: string[]): Set<S> {
      const out = new Set<S>(byKey.get('*'));
      for (const key of keys) for (const s of byKey.get(key) ?? []) out.add(s);
      return out;
    },
    all(): IterableIterator<S> {
      return keysOf.keys();
    },
  };
}
export type ScopeIndex<S> = ReturnType<typeof createScopeIndex<S>>;
