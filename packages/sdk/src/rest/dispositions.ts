import type { CallDispositionUpdate, CallRecord, Page, QueueDispositions, QueueDispositionsUpdate } from '@amiable/protocol';
import type { Http } from '../http.ts';
import { routes } from '../wire/routes.ts';
import { toPage } from './resource.ts';

/** Disposition codes per queue (admins write them) and a finished call's disposition and notes. */
export interface DispositionsApi {
  /** Every queue that has codes, with whether one is required before Ready. */
  list(): Promise<Page<QueueDispositions>>;
  /** One queue's codes. */
  get(queue: string): Promise<QueueDispositions>;
  /** Replaces a queue's codes and flag (admins). */
  set(queue: string, body: QueueDispositionsUpdate): Promise<QueueDispositions>;
  /** Removes a queue's codes (admins). */
  remove(queue: string): Promise<void>;
  /** Writes a finished call's disposition code and/or notes (your own calls; supervisors and admins within reach). */
  setForCall(callId: string, body: CallDispositionUpdate): Promise<CallRecord>;
}

export function dispositionsApi(http: Http): DispositionsApi {
  return {
    list: async () => toPage<QueueDispositions>(await http.request('GET', routes.dispositions)),
    get: (queue) => http.request('GET', routes.item(routes.dispositions, queue)),
    set: (queue, body) => http.request('PUT', routes.item(routes.dispositions, queue), { body }),
    remove: async (queue) => {
      await http.request('DELETE', routes.item(routes.dispositions, queue));
    },
    setForCall: (callId, body) => http.request('PUT', routes.callDisposition(callId), { body }),
  };
}
