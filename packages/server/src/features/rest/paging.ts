import type { Page } from '@amiable/protocol';

/** One page of an in-memory list. */
export function pageOf<T>(all: readonly T[], query: { limit: number; offset: number }): Page<T> {
  return { items: all.slice(query.offset, query.offset + query.limit), total: all.length };
}

/** Maps in order with at most `width` calls in flight. */
export async function mapLimited<T, R>(items: readonly T[], width: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await map(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return out;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function isoOrNull(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : iso(ms);
}
