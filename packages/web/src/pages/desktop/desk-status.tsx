import { createContext, type ReactNode, useContext, useRef } from 'react';
import { useLiveConfirmed } from '../../app/live-store.tsx';
import { useNow } from '../../app/use-now.ts';
import { useConnection } from '../../app/use-session.ts';
import { type DeskLink, deskLink } from '../../lib/desk-link.ts';

export interface DeskStatus {
  link: DeskLink;
  /** True when the desk must not act: the server is unreachable or the state is not confirmed yet. */
  offline: boolean;
  /** The time the desk's timers show: frozen while offline, live otherwise. */
  now: number;
}

const DeskStatusContext = createContext<DeskStatus>({ link: 'online', offline: false, now: Date.now() });

/** Works out whether the desk is online, and freezes its clock while it is not. */
export function DeskStatusProvider({ children }: { children: ReactNode }) {
  const connection = useConnection();
  const confirmed = useLiveConfirmed();
  const everConfirmed = useRef(false);
  if (confirmed) everConfirmed.current = true;
  const link = deskLink({ connection: connection.state, confirmed, everConfirmed: everConfirmed.current });
  const live = useNow();
  const frozenAt = useRef<number | null>(null);
  const offline = link !== 'online';
  if (offline) frozenAt.current ??= Date.now();
  else frozenAt.current = null;
  const now = frozenAt.current ?? live;
  return <DeskStatusContext.Provider value={{ link, offline, now }}>{children}</DeskStatusContext.Provider>;
}

export function useDeskStatus(): DeskStatus {
  return useContext(DeskStatusContext);
}
