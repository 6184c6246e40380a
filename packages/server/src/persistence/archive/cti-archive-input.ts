import { type CtiEvent, eventScope } from '@amiable/protocol';
import type { CtiArchiveInput } from './archive-types.ts';

/** A catalogue event as an archive row: its scope read by the catalogue's own rules, the same the router uses. */
export function ctiArchiveInput(event: CtiEvent): CtiArchiveInput {
  const scope = event.scope ?? eventScope(event.type, event.payload, event.pbx);
  return {
    type: event.type,
    at: Date.parse(event.at),
    scope: { pbx: scope.pbx ?? null, agent: scope.agent ?? null, extension: scope.extension ?? null, queue: scope.queue ?? null },
    payload: event.payload,
  };
}
