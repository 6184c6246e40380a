import { ServiceErrors } from '../common/service-errors.ts';
import type { SignInRequest } from './agent-service.ts';

/** Who asks to sign an agent in, as far as the workstation rule cares. */
export interface SignInCaller {
  via: 'token' | 'api-key';
  /** For an API key: the extensions in its scope, i.e. the desks it is bound to. */
  extensions: readonly string[];
}

/**
 * The workstation part of a sign-in, from sources the server trusts only:
 *
 * - a user's own client (desktop, SDK) is located by its connection's address (`connectionIp`,
 *   which honours trusted proxies only); it may not name a workstation itself;
 * - a desk agent, a small program on the workstation holding an integration API key scoped to
 *   that desk's extension, may report the workstation's MAC (or IP). The matched workstation's
 *   extension must be in the key's scope, so a key bound to one desk cannot claim another.
 */
export function trustedWorkstation(
  caller: SignInCaller,
  claimed: { mac?: string | undefined; ip?: string | undefined } | undefined,
  connectionIp: string | null | undefined,
): Pick<SignInRequest, 'workstation' | 'clientIp' | 'reporterExtensions'> {
  if (claimed && (claimed.mac || claimed.ip)) {
    if (caller.via !== 'api-key') {
      throw ServiceErrors.workstationUntrusted(
        'Only a desk agent (an API key bound to the workstation) may name a workstation; yours is found from your connection',
        { mac: claimed.mac ?? null, ip: claimed.ip ?? null },
      );
    }
    return { workstation: claimed, reporterExtensions: caller.extensions };
  }
  return connectionIp ? { clientIp: connectionIp } : {};
}
