import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { applyEvent, emptyLiveState, fromSnapshot, type LiveState } from '../lib/live-state.ts';
import { useClient } from './client-context.tsx';
import { useToast } from './toasts.tsx';
import { i18n } from '../i18n/index.ts';

const LiveContext = createContext<LiveState>(emptyLiveState);
/** False from the moment the live connection drops until a fresh snapshot replaced the state. */
const ConfirmedContext = createContext<boolean>(false);

/**
 * Keeps the live state for the signed-in user: loads the state, then applies
 * every event; replaces everything on a snapshot or a resync. When the live
 * connection drops, the state is no longer confirmed; once it is open again, a
 * fresh snapshot (`GET /api/state`) replaces it and confirms it.
 */
export function LiveProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const toast = useToast();
  const [state, setState] = useState<LiveState>(emptyLiveState);
  const [confirmed, setConfirmed] = useState(false);

  useEffect(() => {
    let live = true;
    let reconnects = 0;
    const replace = (snapshot: Parameters<typeof fromSnapshot>[0]) => {
      setState(fromSnapshot(snapshot, Date.now()));
      if (client.connection.state === 'open') setConfirmed(true);
    };
    const offs = [
      client.on('snapshot', ({ state: snapshot }) => replace(snapshot)),
      client.on('resync', ({ state: snapshot }) => replace(snapshot)),
      client.on('event', (event) => setState((s) => applyEvent(s, event, Date.now()))),
      client.on('connection', (status) => {
        if (status.state !== 'open') {
          setConfirmed(false);
          return;
        }
        // A resumed connection replays what was missed but sends no snapshot: fetch one.
        const attempt = ++reconnects;
        client.state().then(
          (snapshot) => live && attempt === reconnects && client.connection.state === 'open' && replace(snapshot),
          (error: unknown) => live && toast.error(error, i18n.t('live.loadFailed', { ns: 'common' })),
        );
      }),
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

  return (
    <LiveContext.Provider value={state}>
      <ConfirmedContext.Provider value={confirmed}>{children}</ConfirmedContext.Provider>
    </LiveContext.Provider>
  );
}

/** Whether the live state is confirmed by the server: false while the connection is down and until a fresh snapshot arrived. */
export function useLiveConfirmed(): boolean {
  return useContext(ConfirmedContext);
}

export function useLive(): LiveState {
  return useContext(LiveContext);
}
