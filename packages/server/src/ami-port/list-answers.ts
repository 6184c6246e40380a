import { AmiMessage } from '@amiable/ami';
import type { ActionHeaders } from './action-headers.ts';
import { extractFacts } from './event-facts.ts';
import {
  type ActionIdPlace,
  coreShowChannelItem,
  deviceStateItem,
  extensionStatusItem,
  placeActionId,
  queueEntryItem,
  queueMemberItem,
  queueParamsItem,
  queueSummaryItem,
  statusItem,
} from './list-items.ts';
import type { AmiPortModel } from './model.ts';
import type { ClientScope } from './scope.ts';
import { isInScope, type ScopeView } from './scope-filter.ts';
import { errorResponse, type Pairs, response } from './wire.ts';

/**
 * The read-only list actions, answered from the server's model (Asterisk is not
 * asked) and filtered item by item with the same scope rules as live events.
 */

export interface ListContext {
  model: AmiPortModel;
  scope: ClientScope;
  /** The scope on one PBX, when it differs per PBX (default: `scope`). */
  scopeOn?(pbxId: string): ClientScope;
  view(pbxId: string): ScopeView;
  now: number;
}

interface Item {
  pairs: Pairs;
  place: ActionIdPlace;
}

interface ListSpec {
  message: string;
  complete: string;
  /** StatusComplete repeats the count as `Items`. */
  items?: boolean;
  collect(h: ActionHeaders, ctx: ListContext, pbxId: string): Item[];
}

const LISTS: Record<string, ListSpec> = {
  coreshowchannels: {
    message: 'Channels will follow',
    complete: 'CoreShowChannelsComplete',
    collect: (_h, ctx, pbx) =>
      ctx.model.channels(pbx).map((c) => ({ pairs: coreShowChannelItem(c, ctx.now), place: 'first' })),
  },
  status: {
    message: 'Channel status will follow',
    complete: 'StatusComplete',
    items: true,
    collect: (h, ctx, pbx) => {
      const only = h.get('Channel');
      return ctx.model
        .channels(pbx)
        .filter((c) => only === undefined || only === '' || c.channel === only || c.uniqueid === only)
        .map((c) => ({ pairs: statusItem(c, ctx.now), place: 'last' }));
    },
  },
  queuestatus: {
    message: 'Queue status will follow',
    complete: 'QueueStatusComplete',
    collect: (h, ctx, pbx) => {
      const queue = h.get('Queue');
      const member = h.get('Member');
      const out: Item[] = [];
      for (const q of ctx.model.queues(pbx)) {
        if (queue !== undefined && queue !== '' && q.queue !== queue) continue;
        out.push({ pairs: queueParamsItem(q), place: 'last' });
        for (const m of q.members) {
          if (member !== undefined && member !== '' && m.location !== member && m.name !== member) continue;
          out.push({ pairs: queueMemberItem(q.queue, m), place: 'last' });
        }
        for (const e of q.entries) out.push({ pairs: queueEntryItem(q.queue, e, ctx.now), place: 'last' });
      }
      return out;
    },
  },
  queuesummary: {
    message: 'Queue summary will follow',
    complete: 'QueueSummaryComplete',
    collect: (h, ctx, pbx) => {
      const queue = h.get('Queue');
      return ctx.model
        .queues(pbx)
        .filter((q) => queue === undefined || queue === '' || q.queue === queue)
        .map((q) => ({ pairs: queueSummaryItem(q, ctx.now), place: 'last' }));
    },
  },
  devicestatelist: {
    message: 'Device State Changes will follow',
    complete: 'DeviceStateListComplete',
    collect: (_h, ctx, pbx) => ctx.model.deviceStates(pbx).map((d) => ({ pairs: deviceStateItem(d), place: 'first' })),
  },
  extensionstatelist: {
    message: 'Extension Statuses will follow',
    complete: 'ExtensionStateListComplete',
    collect: (_h, ctx, pbx) =>
      ctx.model.extensionStates(pbx).map((e) => ({ pairs: extensionStatusItem(e), place: 'first' })),
  },
};

export function isListAction(lowerName: string): boolean {
  return Object.hasOwn(LISTS, lowerName);
}

/** The whole answer: the `EventList: start` response, the visible items, and the `…Complete` event. */
export function answerList(h: ActionHeaders, ctx: ListContext): Pairs[] {
  const spec = LISTS[h.name.toLowerCase()];
  if (spec === undefined) throw new Error(`not a list action: ${h.name}`);
  const id = h.actionId;
  const items: Pairs[] = [];
  for (const pbxId of ctx.model.pbxIds()) {
    const view = ctx.view(pbxId);
    const scope = ctx.scopeOn?.(pbxId) ?? ctx.scope;
    for (const item of spec.collect(h, ctx, pbxId)) {
      if (scope.all || isInScope(extractFacts(new AmiMessage(item.pairs.flat())), scope, view)) {
        items.push(placeActionId(item.pairs, item.place, id));
      }
    }
  }
  const channel = h.get('Channel');
  if (spec === LISTS.status && channel !== undefined && channel !== '' && items.length === 0) {
    return [errorResponse(id, 'No such channel')];
  }
  const complete: Pairs = [['Event', spec.complete]];
  if (id !== undefined) complete.push(['ActionID', id]);
  complete.push(['EventList', 'Complete'], ['ListItems', String(items.length)]);
  if (spec.items) complete.push(['Items', String(items.length)]);
  return [
    response('Success', id, [
      ['EventList', 'start'],
      ['Message', spec.message],
    ]),
    ...items,
    complete,
  ];
}
