import type { EventPayload } from '@amiable/protocol';
import { useEffect, useState } from 'react';
import { useClient } from '../../app/client-context.tsx';

export type Supervision = EventPayload<'call.supervision'>;

/**
 * Who listens to whom, from the server's `call.supervision` events: per spied-on agent, the
 * sessions going on now (a new session of the same supervisor replaces the last).
 */
export function useSupervision(): Readonly<Record<string, Supervision[]>> {
  const client = useClient();
  const [sessions, setSessions] = useState<Readonly<Record<string, Supervision[]>>>({});
  useEffect(
    () =>
      client.on('call.supervision', ({ payload }) => {
        if (!payload.agentId) return;
        const agentId = payload.agentId;
        setSessions((all) => {
          const others = (all[agentId] ?? []).filter((s) => s.supervisorExtension !== payload.supervisorExtension);
          const next = payload.state === 'started' ? [...others, payload] : others;
          return { ...all, [agentId]: next };
        });
      }),
    [client],
  );
  return sessions;
}
