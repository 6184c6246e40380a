import type { Team } from '@amiable/protocol';
import { useMemo } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useAsync } from '../../app/use-async.ts';

/** The teams the supervisor may see, and each agent's teams (from the directory). */
export function useTeams(): { teams: Team[]; teamsOf: (agentId: string) => readonly string[] } {
  const client = useClient();
  const teams = useAsync(() => client.api.teams.list({ limit: 1000 }), [client]);
  const agents = useAsync(() => client.api.agents.list({ limit: 1000 }), [client]);
  return useMemo(() => {
    const byAgent = new Map((agents.data?.items ?? []).map((a) => [a.id, a.teams]));
    return {
      teams: [...(teams.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
      teamsOf: (agentId: string) => byAgent.get(agentId) ?? [],
    };
  }, [teams.data, agents.data]);
}
