import type { AmiMessage } from '../codec/message.ts';
import type { AmiRecordedEvents } from './recorded-events.ts';

/** The name of an event recorded from Asterisk 22, such as `QueueMemberPause`. */
export type AmiEventName = keyof AmiRecordedEvents & string;

/** An event that is not in the recorded table: every header is a string or absent. */
export interface AmiUnknownEvent {
  readonly Event: string;
  readonly [header: string]: string | undefined;
}

/**
 * The headers of event `N` as a plain object, as delivered by `client.on(name, ...)`: one
 * property per header, spelled as on the wire, the first value winning when a header repeats
 * (use `message.getAll()` for repeated ones such as `ChanVariable`).
 */
export type AmiEventRecord<N extends string> = N extends AmiEventName
  ? Readonly<AmiRecordedEvents[N]> & { readonly Event: N }
  : AmiUnknownEvent;

/**
 * An AmiMessage known to be event `N` (see `message.is(name)`): `get()` knows the recorded
 * headers, and returns `string` for the headers Asterisk always sends with that event.
 */
export interface AmiTypedEvent<N extends AmiEventName> extends AmiMessage {
  readonly kind: 'event';
  readonly event: N;
  get<K extends keyof AmiRecordedEvents[N] & string>(key: K): AmiRecordedEvents[N][K];
  get(key: string): string | undefined;
}
