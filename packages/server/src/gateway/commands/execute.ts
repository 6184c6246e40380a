import { randomUUID } from 'node:crypto';
import { COMMAND_CATALOGUE, isCommandName } from '@amiable/protocol';
import { CODES, CtiError, forbidden } from '../../identity/errors.ts';
import { decide } from '../../identity/permissions.ts';
import type { Principal } from '../../identity/principal.ts';
import type { Auditor } from '../audit.ts';
import { renderError } from '../error-body.ts';
import type { CommandChannel, CommandHandler, CommandHandlers, StateView } from '../ports.ts';
import { resolveTarget } from './target.ts';
import { validateCommandArgs } from './validate.ts';

export interface CommandRequest {
  principal: Principal;
  name: string;
  args: unknown;
  channel: CommandChannel;
  ip: string | null;
  requestId?: string;
}

export interface CommandExecutorDeps {
  handlers: CommandHandlers;
  state: StateView;
  audit: Auditor;
  onResult?: (name: string, code: string) => void;
}

/**
 * The one path every command takes, whatever the channel (REST, WebSocket, AMI-compatible port):
 * catalogue lookup, argument validation, permission and target rule, dispatch, audit.
 * Refused attempts are audited too. Resolves with the handler's result or throws its error.
 */
export function createCommandExecutor(deps: CommandExecutorDeps) {
  return async function execute(request: CommandRequest): Promise<unknown> {
    const { principal, name, channel, ip } = request;
    const audit = (ok: boolean, code: string | null, args: unknown) => {
      deps.audit({ principal, ip, channel, action: name.slice(0, 64), args, ok, code });
      deps.onResult?.(isCommandName(name) ? name : 'unknown', code ?? 'ok');
    };
    let args: unknown = request.args;
    try {
      if (!isCommandName(name)) throw new CtiError(CODES.UNKNOWN_COMMAND, `Unknown command ${name}`);
      const def = COMMAND_CATALOGUE[name];
      args = validateCommandArgs(name, request.args);
      // Authorization first, existence second, for every command (see resolveTarget).
      const { target, missing } = resolveTarget(def, args as Record<string, unknown>, principal, deps.state);
      const decision = decide(principal, def.permission, target);
      if (!decision.ok) throw forbidden(`${name} refused: ${decision.reason}`);
      if (missing) throw missing;
      const handler = deps.handlers[name] as CommandHandler | undefined;
      if (!handler) throw new CtiError(CODES.NOT_IMPLEMENTED, `No handler for ${name} on this server`);
      const result = await handler(principal, args as never, {
        channel,
        ip,
        requestId: request.requestId ?? randomUUID(),
      });
      audit(true, null, args);
      return result ?? null;
    } catch (err) {
      audit(false, renderError(err).body.code, args);
      throw err;
    }
  };
}
export type CommandExecutor = ReturnType<typeof createCommandExecutor>;
