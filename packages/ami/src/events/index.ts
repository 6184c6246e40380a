export type { AmiRecordedEvents } from './recorded-events.ts';
export type { AmiEventName, AmiEventRecord, AmiTypedEvent, AmiUnknownEvent } from './typed-event.ts';
