import type { AmiMessage } from '@amiable/ami';
import { field } from './fields.ts';

export type RouteKind = 'live' | 'list-item' | 'list-end' | 'response';

/**
 * Separates the answers to list actions from live events. DeviceStateList
 * items are named DeviceStateChange and ExtensionStateList items
 * ExtensionStatus, like the live events; only the ActionID of an open list
 * tells them apart (pitfall 17). A list opens with `EventList: start` on the
 * response and closes on the event whose `EventList` is `Complete`.
 */
export class ListRouter {
  readonly #open = new Set<string>();

  route(msg: AmiMessage): RouteKind {
    if (msg.kind === 'response') {
      const list = field(msg, 'EventList');
      const id = field(msg, 'ActionID');
      if (list !== undefined && id !== undefined && list.toLowerCase() === 'start') this.#open.add(id);
      return 'response';
    }
    if (this.#open.size === 0) return 'live';
    const id = field(msg, 'ActionID');
    if (id === undefined || !this.#open.has(id)) return 'live';
    const list = field(msg, 'EventList');
    if (list !== undefined && list.toLowerCase() === 'complete') {
      this.#open.delete(id);
      return 'list-end';
    }
    return 'list-item';
  }

  /** ActionIDs of lists still open (a dropped connection abandons them). */
  get openLists(): readonly string[] {
    return [...this.#open];
  }

  reset(): void {
    this.#open.clear();
  }
}
