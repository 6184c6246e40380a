import type { TSchema } from '@sinclair/typebox';
import type { Permission } from '../permissions.ts';

/**
 * Whom a command may act on, checked by the gateway before the command is dispatched:
 * - `self`: the caller's own agent. When the arguments name another agent (`agentId`), the call is
 *   treated as acting on that agent: a supervisor may do it for the agents of their teams, an
 *   integration for the agents of its configured scope, an admin for anyone; an agent never.
 * - `team`: another agent (`agentId`), who must be in the caller's teams (supervisor), in its
 *   configured scope (integration), or anyone (admin).
 * - `scope`: a call or extension, which must be within the caller's scope (their own extension
 *   for an agent; their teams' and queues' calls for a supervisor; the configured agents,
 *   extensions and queues for an integration; anything for an admin).
 * - `admin`: admins only.
 * Queues named by the arguments must be in the caller's queues (admins excepted).
 */
export const TARGET_RULES = ['self', 'team', 'scope', 'admin'] as const;
export type TargetRule = (typeof TARGET_RULES)[number];

/** Which argument holds each kind of target. */
export interface TargetArgs {
  readonly agent?: string;
  readonly call?: string;
  readonly extension?: string;
  readonly queues?: readonly string[];
}

export interface CommandDefinition<N extends string = string, A extends TSchema = TSchema> {
  readonly name: N;
  readonly description: string;
  readonly args: A;
  readonly permission: Permission;
  readonly target: TargetRule;
  readonly targetArgs: TargetArgs;
  /** A valid set of arguments, for documentation and generated tests. */
  readonly example: unknown;
}

export function defineCommand<const N extends string, A extends TSchema>(
  def: CommandDefinition<N, A>,
): CommandDefinition<N, A> {
  return def;
}
