import { useEffect, useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { type CallExtrasMap, callExtrasReducer } from '../../lib/call-extras.ts';

/** Recording and consultation state of this agent's calls, from the call events. */
export function useCallExtras(agentId: string | null, extension: string | null): CallExtrasMap {
  const client = useClient();
  const [map, setMap] = useState<CallExtrasMap>({});
  useEffect(() => {
    const mine = (p: { agentId: string | null; extension: string | null }) => (agentId !== null && p.agentId === agentId) || (extension !== null && p.extension === extension);
    return client.on('event', (event) => setMap((m) => callExtrasReducer(m, event, mine)));
  }, [client, agentId, extension]);
  return map;
}
