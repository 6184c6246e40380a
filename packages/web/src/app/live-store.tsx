import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { applyEvent, emptyLiveState, fromSnapshot, type LiveState } from '../lib/live-state.ts';
import { useClient } from './client-context.tsx';
import { useToast } from './toasts.tsx';
import { i18n } from '../i18n/index.ts';

const LiveContext = createContext<LiveState>(emptyLiveState);

/**
 * Keeps the live state for the signed-in user: loads the state, then applies
 * every event; replaces everything on a snapshot or a resync.
 */
export function LiveProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const toast = useToast();
  const [state, setState] = useState<LiveState>(emptyLiveState);

  useEffect(() => {
    let live = true;
    const offs = [
      client.on('snapshot', ({ state: snapshot }) => setState(fromSnapshot(snapshot, Date.now()))),
      client.on('resync', ({ state: snapshot }) => setState(fromSnapshot(snapshot, Date.now()))),
      client.on('event', (event) => setState((s) => applyEvent(s, event, Date.now()))),
    ];
    client.state().then(
      (snapshot) => live && setState((s) => (s.loaded ? s : fromSnapshot(snapshot, Date.now()))),
      (error: unknown) => live && toast.error(error, i18n.t('live.loadFailed', { ns: 'common' })),
    );
    client.connect();
    return () => {
      live = false;
      for (const off of offs) off();
    };
  }, [client, toast]);

  return <LiveContext.Provider value={state}>{children}</LiveContext.Provider>;
}

export function useLive(): LiveState {
  return useContext(LiveContext);
}
