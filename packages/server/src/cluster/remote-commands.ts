import { type CommandName, COMMAND_NAMES } from '@amiable/protocol';
import { ErrorCode, type NatsConnection, type Subscription } from 'nats';
import type { CommandContext, CommandHandler, CommandHandlers } from '../gateway/index.ts';
import type { Principal } from '../identity/index.ts';
import { ClusterErrors } from './errors.ts';
import { commandSubject } from './subjects.ts';

interface Request {
  name: CommandName;
  principal: Principal;
  args: unknown;
  ctx: CommandContext;
}

type Reply = { ok: true; result: unknown } | { ok: false; error: { code: string; message: string; details?: unknown; status?: number } };

/** A remote refusal, rebuilt with the owner's code, message, details and status. */
class RemoteCommandError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: unknown,
    readonly status: number | undefined,
  ) {
    super(message);
  }
}

const enc = new TextEncoder();
const dec = new TextDecoder();

/**
 * The owner side of `cti.cmd.<pbx>`: validates the command again with the gateway's own
 * validator, runs it on this node's services, and replies with the result or the coded error.
 * The audit record is written once, by the gateway that took the command from the client.
 */
export function serveCommands(deps: {
  nc: NatsConnection;
  pbx: string;
  handlers: CommandHandlers;
  validate: (name: CommandName, args: unknown) => unknown;
  log: { warn(o: object, m?: string): void };
}): Subscription {
  return deps.nc.subscribe(commandSubject(deps.pbx), {
    callback: (err, msg) => {
      if (err) {
        deps.log.warn({ err: err.message, pbx: deps.pbx }, 'command subscription failed');
        return;
      }
      void (async (): Promise<Reply> => {
        try {
          const req = JSON.parse(dec.decode(msg.data)) as Request;
          const handler = deps.handlers[req.name] as CommandHandler | undefined;
          if (!handler) return { ok: false, error: { code: 'CTI_ERR_NOT_OWNER', message: `No handler for ${req.name}`, status: 501 } };
          const args = deps.validate(req.name, req.args);
          return { ok: true, result: (await handler(req.principal, args as never, req.ctx)) ?? null };
        } catch (e) {
          const x = e as { code?: unknown; message?: unknown; details?: unknown; status?: unknown };
          return {
            ok: false,
            error: {
              code: typeof x.code === 'string' ? x.code : 'CTI_ERR_INTERNAL',
              message: String(x.message ?? e),
              ...(x.details !== undefined ? { details: x.details } : {}),
              ...(typeof x.status === 'number' ? { status: x.status } : {}),
            },
          };
        }
      })().then((reply) => msg.respond(enc.encode(JSON.stringify(reply))));
    },
  });
}

/**
 * The gateway side: every command goes to the node that owns the PBX it concerns, by
 * request/reply. A command for a PBX this node owns runs here, without a round trip.
 */
export function remoteCommandHandlers(deps: {
  nc: NatsConnection;
  /** The PBX a command concerns (the agent's desk or session, or the default one). */
  pbxOf: (name: CommandName, principal: Principal, args: Record<string, unknown>, ctx: CommandContext) => Promise<string>;
  /** This node's handlers for a PBX it owns, or undefined. */
  local: (pbx: string) => CommandHandlers | undefined;
  timeoutMs: number;
}): CommandHandlers {
  const handlers: Record<string, CommandHandler> = {};
  for (const name of COMMAND_NAMES) {
    handlers[name] = async (principal, args, ctx) => {
      const pbx = await deps.pbxOf(name, principal, args as Record<string, unknown>, ctx);
      const local = deps.local(pbx)?.[name] as CommandHandler | undefined;
      if (local) return local(principal, args, ctx);
      let reply: Reply;
      try {
        const msg = await deps.nc.request(commandSubject(pbx), enc.encode(JSON.stringify({ name, principal, args, ctx })), { timeout: deps.timeoutMs });
        reply = JSON.parse(dec.decode(msg.data)) as Reply;
      } catch (err) {
        const code = (err as { code?: string }).code;
        throw ClusterErrors.noOwner(pbx, code === ErrorCode.NoResponders ? 'no owner' : code === ErrorCode.Timeout ? 'timed out' : (err as Error).message);
      }
      if (reply.ok) return reply.result;
      throw new RemoteCommandError(reply.error.code, reply.error.message, reply.error.details, reply.error.status);
    };
  }
  return handlers as CommandHandlers;
}
