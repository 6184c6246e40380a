import type { SignInContext } from '@amiable/sdk';
import { useClient } from '../../app/client-context.tsx';
import { useAsync } from '../../app/use-async.ts';

/** What the server lets this desk do (from the sign-in context); undefined until known or when the server cannot tell. */
export function useDeskPolicy(): SignInContext | undefined {
  const client = useClient();
  const { data } = useAsync(() => client.api.signInContext(), [client]);
  return data;
}
