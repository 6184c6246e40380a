import type { CommandName } from '@amiable/protocol';
import type { CommandContext } from '../gateway/index.ts';
import type { Principal } from '../identity/index.ts';
import type { Repositories } from '../persistence/repositories/index.ts';

/**
 * The PBX a command concerns, in cluster mode (its owner runs it). A sign-in goes to the PBX of
 * the desk: the workstation matched as the owner's sign-in would match it (the desk agent's
 * reported MAC or IP, else the connection's address), else the PBX of the agent's profile.
 * Every other command goes to the PBX of the agent's open session. Without either: `fallback`.
 */
export function createCommandPbx(deps: {
  repos: Pick<Repositories, 'timesheet' | 'workstations' | 'agents'>;
  pbxs: readonly string[];
  fallback: string;
}) {
  const known = (pbx: string | null | undefined) => (pbx && deps.pbxs.includes(pbx) ? pbx : undefined);
  return async (name: CommandName, principal: Principal, args: Record<string, unknown>, ctx: CommandContext): Promise<string> => {
    const agentId = (typeof args.agentId === 'string' ? args.agentId : undefined) ?? principal.agentId;
    if (name === 'agent.signIn') {
      const ws = (args.workstation ?? {}) as { mac?: string; ip?: string };
      const probe = ws.mac || ws.ip ? { mac: ws.mac ?? null, ip: ws.ip ?? null } : !args.extension && ctx.ip ? { ip: ctx.ip } : undefined;
      const desk = probe ? await deps.repos.workstations.matchWorkstation(probe) : undefined;
      const profile = agentId ? await deps.repos.agents.get(agentId) : undefined;
      return known(desk?.pbx) ?? known(profile?.pbx) ?? deps.fallback;
    }
    const session = agentId ? await deps.repos.timesheet.openSessionOf(agentId) : undefined;
    return known(session?.pbx) ?? deps.fallback;
  };
}
