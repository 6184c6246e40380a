import type { AmiActionInput, AmiValue } from '../codec/encoder.ts';
import { AmiConnectError } from '../errors.ts';
import type { AmiTransport, AmiTransportFactory } from '../transport/transport.ts';

/** A short reason for a lost connection, for status changes. */
export function describeLoss(error: Error, phase: string | undefined): string {
  switch ((error as { code?: string }).code) {
    case 'AMI_ERR_KEEPALIVE':
      return 'keepalive timeout';
    case 'AMI_ERR_AUTH':
      return 'authentication failed';
    case 'AMI_ERR_CONNECT':
      return 'connect failed';
    case 'AMI_ERR_TLS_CERT_NAME':
      return 'certificate does not name the host';
    case 'AMI_ERR_BACKLOG':
      return 'resync backlog overflow';
    case 'AMI_ERR_DISCONNECTED':
      return phase === undefined ? 'connection lost' : `connection lost (${phase})`;
    default:
      return phase ?? 'connection lost';
  }
}

/** Add `Async: true` to an Originate unless the caller set Async (a false value is refused later). */
export function withAsync(action: AmiActionInput): AmiActionInput {
  if (Array.isArray(action)) {
    const pairs = action as ReadonlyArray<readonly [string, AmiValue]>;
    return pairs.some(([k]) => k.toLowerCase() === 'async') ? pairs : [...pairs, ['Async', 'true']];
  }
  const obj = action as Exclude<AmiActionInput, ReadonlyArray<unknown>>;
  return Object.keys(obj).some((k) => k.toLowerCase() === 'async') ? obj : { ...obj, Async: true };
}

/** Reject with `onTimeout()` unless `promise` settles within `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/** Call the transport factory; if it throws, return a transport whose connect() fails with that error. */
export function makeTransport(factory: AmiTransportFactory): AmiTransport {
  try {
    return factory();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const noop = () => {};
    return {
      connect: () => Promise.reject(new AmiConnectError(`Cannot create the transport: ${message}`, { cause: message })),
      write: () => false,
      pause: noop,
      resume: noop,
      close: noop,
      on: noop,
      off: noop,
    };
  }
}
