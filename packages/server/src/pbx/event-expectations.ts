import type { AmiMessage } from '@amiable/ami';
import type { Expectation } from '../features/common/pbx-link.ts';
import { ServiceErrors } from '../features/common/service-errors.ts';

interface Waiter {
  match: (m: AmiMessage) => boolean;
  resolve: (m: AmiMessage) => void;
  reject: (e: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** Pending "wait for the event that confirms my action" registrations of one PBX connection. */
export class EventExpectations {
  readonly #waiters = new Set<Waiter>();

  expect(match: (m: AmiMessage) => boolean, timeoutMs: number): Expectation {
    let waiter!: Waiter;
    const done = new Promise<AmiMessage>((resolve, reject) => {
      waiter = {
        match,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.#waiters.delete(waiter);
          reject(ServiceErrors.notConfirmed('Asterisk did not confirm the change in time'));
        }, timeoutMs),
      };
    });
    done.catch(() => undefined);
    this.#waiters.add(waiter);
    return {
      done,
      cancel: () => {
        if (this.#waiters.delete(waiter)) {
          clearTimeout(waiter.timer);
          waiter.reject(new Error('cancelled'));
        }
      },
    };
  }

  /** Offer an event to every waiter; a matching waiter resolves and is removed. */
  offer(message: AmiMessage): void {
    if (this.#waiters.size === 0) return;
    for (const w of this.#waiters) {
      if (w.match(message)) {
        this.#waiters.delete(w);
        clearTimeout(w.timer);
        w.resolve(message);
      }
    }
  }

  failAll(error: Error): void {
    for (const w of this.#waiters) {
      clearTimeout(w.timer);
      w.reject(error);
    }
    this.#waiters.clear();
  }
}
