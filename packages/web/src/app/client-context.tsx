import { browserSessionStorage, type CtiClient, createClient } from '@amiable/sdk';
import { createContext, type ReactNode, useContext, useState } from 'react';

const ClientContext = createContext<CtiClient | undefined>(undefined);

/** The one SDK client of the page. The web app talks to the server only through it. */
export function ClientProvider({ children, client }: { children: ReactNode; client?: CtiClient }) {
  const [value] = useState<CtiClient>(
    () => client ?? createClient({ baseUrl: '', storage: browserSessionStorage('amiable.session', 'session') }),
  );
  return <ClientContext.Provider value={value}>{children}</ClientContext.Provider>;
}

export function useClient(): CtiClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient() outside <ClientProvider>');
  return client;
}
