import type { CtiClient } from '@amiable/sdk';
import { ClientProvider } from './client-context.tsx';
import { LiveProvider } from './live-store.tsx';
import { Shell } from './shell.tsx';
import { ToastProvider } from './toasts.tsx';
import { useSession } from './use-session.ts';
import { LoginPage } from '../pages/login/login-page.tsx';

/** The web app. `client` is for previews and tests; by default the app talks to the server that served it. */
export function App({ client }: { client?: CtiClient } = {}) {
  return (
    <ClientProvider {...(client ? { client } : {})}>
      <ToastProvider>
        <Root />
      </ToastProvider>
    </ClientProvider>
  );
}

function Root() {
  const user = useSession();
  if (!user) return <LoginPage />;
  return (
    <LiveProvider key={user.userId}>
      <Shell user={user} />
    </LiveProvider>
  );
}
