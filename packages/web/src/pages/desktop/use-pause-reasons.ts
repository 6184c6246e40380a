import type { PauseReason } from '@amiable/protocol';
import { useClient } from '../../app/client-context.tsx';
import { useAsync } from '../../app/use-async.ts';

/** The active pause reasons configured on the server. */
export function usePauseReasons(): PauseReason[] {
  const client = useClient();
  const { data } = useAsync(() => client.api.pauseReasons.list({ limit: 1000 }), [client]);
  return (data?.items ?? []).filter((r) => r.active);
}
