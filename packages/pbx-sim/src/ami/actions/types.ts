import type { AmiMessage } from '@amiable/ami';
import type { ResolvedConfig } from '../../config.ts';
import type { PbxCore } from '../../engine/core.ts';
import type { PbxEngine } from '../../engine/engine.ts';
import type { EventBus, Pairs } from '../event-bus.ts';
import type { AmiSession } from '../session.ts';

/** What an action handler may use. */
export interface ActionContext {
  readonly msg: AmiMessage;
  readonly session: AmiSession;
  readonly actionId: string | undefined;
  readonly engine: PbxEngine;
  readonly core: PbxCore;
  readonly config: ResolvedConfig;
  readonly bus: EventBus;
  /** Header value, case-insensitive, first one wins (undefined when absent). */
  get(key: string): string | undefined;
  success(message?: string, rest?: Pairs): void;
  error(message: string): void;
  /** `Response: Success`, `EventList: start`, `Message: …`. */
  listStart(message: string): void;
  /** An item of the list: `Event: <name>`, ActionID first or last. */
  listItem(name: string, fields: Pairs, actionIdLast?: boolean): void;
  /** `Event: <name>`, ActionID, `EventList: Complete`, `ListItems: n`, extra fields. */
  listComplete(name: string, count: number, extra?: Pairs): void;
}

export type ActionHandler = (ctx: ActionContext) => void;

/** Asterisk's ast_true(). */
export function isTrue(value: string | undefined): boolean {
  return value !== undefined && /^(yes|true|y|t|1|on)$/i.test(value.trim());
}
