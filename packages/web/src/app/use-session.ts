import type { PrincipalSummary } from '@amiable/protocol';
import type { ConnectionStatus } from '@amiable/sdk';
import { useCallback, useSyncExternalStore } from 'react';
import { useClient } from './client-context.tsx';

/** The signed-in principal, or undefined; re-renders on login, logout and session expiry. */
export function useSession(): PrincipalSummary | undefined {
  const client = useClient();
  const subscribe = useCallback((onChange: () => void) => client.on('session', onChange), [client]);
  return useSyncExternalStore(subscribe, () => client.user);
}

/** The live connection's status. */
export function useConnection(): ConnectionStatus {
  const client = useClient();
  const subscribe = useCallback((onChange: () => void) => client.on('connection', onChange), [client]);
  return useSyncExternalStore(subscribe, () => client.connection);
}
