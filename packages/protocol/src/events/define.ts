import type { TSchema } from '@sinclair/typebox';
import type { Permission } from '../permissions.ts';
import type { ScopeKey } from '../scope.ts';

/**
 * One entry of the event catalogue. `scopeFields` names, for each scope key the event is
 * routed by, the payload field that holds its value (`pbx` comes from the event envelope).
 * `keyPermissions` makes matching through a key need an extra permission: for example an agent
 * who is a member of `lang-en` sees the queue's statistics but not the calls offered to the
 * other members, because matching call events by queue needs `queue.monitor`.
 */
export interface EventDefinition<T extends string = string, P extends TSchema = TSchema> {
  readonly type: T;
  readonly description: string;
  readonly payload: P;
  readonly permission: Permission;
  readonly scopeFields: Readonly<Partial<Record<Exclude<ScopeKey, 'pbx'>, string>>>;
  readonly keyPermissions?: Readonly<Partial<Record<ScopeKey, Permission>>>;
}

export function defineEvent<const T extends string, P extends TSchema>(def: EventDefinition<T, P>): EventDefinition<T, P> {
  return def;
}
