import { useEffect, useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { type Me, popReducer, type ScreenPop } from '../../lib/screen-pop.ts';

/** The current screen-pop of this agent, driven by call events; `close()` dismisses it by hand. */
export function useScreenPop(me: Me): { pop: ScreenPop | undefined; close: () => void } {
  const client = useClient();
  const [pop, setPop] = useState<ScreenPop | undefined>();
  const { agentId, extension } = me;
  useEffect(() => client.on('event', (event) => setPop((current) => popReducer(current, event, { agentId, extension }))), [client, agentId, extension]);
  return { pop, close: () => setPop(undefined) };
}
