import type { AnyDeliveredEvent } from '@amiable/sdk';

/** The part of the SDK client an effect waits on. */
export interface EventSource {
  on(name: 'event', listener: (event: AnyDeliveredEvent) => void): () => void;
}

/** The command was accepted but the state that shows it never came within the time allowed. */
export class EffectTimeoutError extends Error {
  readonly code = 'WEB_ERR_EFFECT_TIMEOUT';
  constructor(readonly timeoutMs: number) {
    super(`The change was not seen within ${Math.round(timeoutMs / 1000)} s`);
    this.name = 'EffectTimeoutError';
  }
}

/**
 * Sends a command and resolves only when it takes effect: when an event matching `effect`
 * arrives (or `already()` says the state shows it), not when the server answers the command.
 * Listening starts before the command is sent, so an effect faster than the answer is not
 * missed. Rejects with the command's own error, or `EffectTimeoutError` after `timeoutMs`.
 */
export function awaitEffect(
  source: EventSource,
  send: () => Promise<unknown>,
  effect: (event: AnyDeliveredEvent) => boolean,
  timeoutMs: number,
  timers: { setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout } = globalThis,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      off();
      timers.clearTimeout(timer);
      if (error === undefined) resolve();
      else reject(error);
    };
    const off = source.on('event', (event) => {
      if (effect(event)) finish();
    });
    const timer = timers.setTimeout(() => finish(new EffectTimeoutError(timeoutMs)), timeoutMs);
    send().catch((error: unknown) => finish(error ?? new Error('The command failed')));
  });
}
