import type { AmiMessage } from '@amiable/ami';
import { type AmiPortUpstream, createAmiPortServer } from '../ami-port/index.ts';
import type { Config } from '../config/index.ts';
import type { GatewayApp } from '../gateway/index.ts';
import { CtiError } from '../identity/errors.ts';
import type { Principal } from '../identity/principal.ts';
import type { PbxConnection } from '../pbx/pbx-connection.ts';
import { readTlsFiles } from './tls-files.ts';

export interface AmiPortHandle {
  port: number;
  close(): Promise<void>;
  stats(): unknown;
}

/**
 * The AMI-compatible port for legacy AMI applications: CTI credentials (with the
 * gateway's login rate limits), events scoped per client, allow-listed actions
 * forwarded on the server's single AMI connection, everything audited.
 */
export async function startAmiPort(deps: {
  config: Config;
  app: GatewayApp;
  pbxs: ReadonlyMap<string, PbxConnection>;
  /** Where actions go; default: the PBX connections of `pbxs` (cluster mode forwards to the owner). */
  upstream?: AmiPortUpstream;
  subscribe: (listener: (pbx: string, msg: AmiMessage) => void) => () => void;
  defaultPbx: string;
  /** Whether a pause reason code is configured (pause reasons of the directory); without it any reason passes. */
  pauseReasonExists?: (code: string) => Promise<boolean>;
  /** Why an agent may not be Ready now (a disposition is owed), or null: refuses her AMI unpause. */
  readyGate?: { refusal(agentId: string): Promise<string | null> };
}): Promise<AmiPortHandle> {
  const gw = deps.app.gateway;
  const { tls } = deps.config.amiPort;
  const server = createAmiPortServer({
    credentials: {
      async authenticate(username, password, ip) {
        try {
          // The whole principal (with its login session) so that the change stream can re-read it.
          return (await gw.auth.login(username, password, ip)).principal;
        } catch (err) {
          // A refusal (wrong password, disabled, rate limited) is a failed login, which the port logs
          // and audits; anything else (the database is away) is rethrown and logged as such.
          if (err instanceof CtiError) return null;
          throw err;
        }
      },
    },
    principals: {
      // Sessions log in through `auth.login`, so their principal is always a whole identity Principal.
      watch: (current, apply) => gw.livePrincipals.watch(() => current() as Principal, apply),
    },
    upstream: deps.upstream ?? {
      send: (pbxId, action) => {
        const conn = deps.pbxs.get(pbxId);
        if (!conn) return Promise.reject(new Error(`No PBX ${pbxId}`));
        return conn.client.send(action, { allowError: true });
      },
    },
    events: { subscribe: deps.subscribe },
    // An agent's events follow the desk they sit at now, as the WebSocket router knows it.
    seats: { seatOf: (agentId) => gw.router.seatOf(agentId) },
    ...(deps.pauseReasonExists ? { pauseReasons: { isConfigured: deps.pauseReasonExists } } : {}),
    ...(deps.readyGate ? { readyGate: deps.readyGate } : {}),
    audit: (e) =>
      gw.auditSink.record({
        at: new Date().toISOString(),
        userId: e.userId,
        username: e.username,
        role: null,
        ip: e.ip,
        channel: 'ami',
        action: e.command,
        args: e.args,
        ok: e.result === 'ok',
        code: e.errorCode ?? null,
      }),
    config: {
      defaultPbxId: deps.defaultPbx,
      maxUnauthenticatedPerIp: deps.config.amiPort.maxUnauthenticatedPerIp,
      // Originate and the transfers go to the dialplan context the desktop dials from, unless configured.
      allowedContext: deps.config.amiPort.allowedContext ?? deps.config.pbxs.find((p) => p.id === deps.defaultPbx)?.context ?? 'internal',
      ...(tls ? { tls: readTlsFiles(tls) } : {}),
    },
  });
  const { port } = await server.listen({ host: deps.config.amiPort.host, port: deps.config.amiPort.port });
  // Clients must never stay connected across a gap in the event stream, and what the port
  // tracked about calls is stale once the connection is back.
  const unwatch = [...deps.pbxs.values()].map((conn) =>
    conn.client.onStatus((change) => {
      if (change.to === 'reconnecting' || change.to === 'closed') server.upstreamLost(conn.id, change.reason);
      else if (change.to === 'resyncing') server.resetPbx(conn.id);
    }),
  );
  return {
    port,
    close: () => {
      for (const stop of unwatch) stop();
      return server.close();
    },
    stats: () => server.stats(),
  };
}
