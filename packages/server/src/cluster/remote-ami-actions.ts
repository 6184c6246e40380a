import { AmiMessage } from '@amiable/ami';
import { ErrorCode, type NatsConnection, type Subscription } from 'nats';
import type { AmiPortUpstream } from '../ami-port/index.ts';
import type { PbxConnection } from '../pbx/pbx-connection.ts';
import { ClusterErrors } from './errors.ts';
import { amiActionSubject } from './subjects.ts';

type Action = ReadonlyArray<readonly [string, string]>;
type Reply = { ok: true; fields: string[]; at: number } | { ok: false; message: string };

const enc = new TextEncoder();
const dec = new TextDecoder();

/**
 * The owner side of the AMI-compatible port's actions: an action a port on another node let
 * through (its policy already checked and audited there) is sent on this node's one AMI
 * session, and the response goes back whole, ActionID included, so the port can match the
 * events it causes (an OriginateResponse) as it does for a local PBX.
 */
export function serveAmiActions(deps: { nc: NatsConnection; pbx: string; conn: PbxConnection; log: { warn(o: object, m?: string): void } }): Subscription {
  return deps.nc.subscribe(amiActionSubject(deps.pbx), {
    callback: (err, msg) => {
      if (err) {
        deps.log.warn({ err: err.message, pbx: deps.pbx }, 'AMI action subscription failed');
        return;
      }
      void (async (): Promise<Reply> => {
        try {
          const action = JSON.parse(dec.decode(msg.data)) as Action;
          const reply = await deps.conn.client.send(action, { allowError: true });
          return { ok: true, fields: [...reply.fields], at: reply.receivedAt };
        } catch (e) {
          return { ok: false, message: (e as Error).message };
        }
      })().then((reply) => msg.respond(enc.encode(JSON.stringify(reply))));
    },
  });
}

/**
 * The port side: an action for a PBX this node owns goes on its own AMI session; one for a PBX
 * another node owns is forwarded to that owner, like the REST and WebSocket commands.
 */
export function remoteAmiUpstream(deps: { nc: NatsConnection; local: (pbx: string) => PbxConnection | undefined; timeoutMs: number }): AmiPortUpstream {
  return {
    async send(pbx, action) {
      const conn = deps.local(pbx);
      if (conn) return conn.client.send(action, { allowError: true });
      let reply: Reply;
      try {
        const msg = await deps.nc.request(amiActionSubject(pbx), enc.encode(JSON.stringify(action)), { timeout: deps.timeoutMs });
        reply = JSON.parse(dec.decode(msg.data)) as Reply;
      } catch (err) {
        const code = (err as { code?: string }).code;
        throw ClusterErrors.noOwner(pbx, code === ErrorCode.NoResponders ? 'no owner' : code === ErrorCode.Timeout ? 'timed out' : (err as Error).message);
      }
      if (!reply.ok) throw new Error(reply.message);
      return new AmiMessage(reply.fields, reply.at);
    },
  };
}
