import type { EventPayloads, EventType } from '../events/catalogue.ts';
import type { EventFrame } from './server-frames.ts';

/** An `event` frame with its payload typed by its `type` (narrow with `switch (frame.type)`). */
export type TypedEventFrame = {
  [K in EventType]: Omit<EventFrame, 'type' | 'payload'> & { type: K; payload: EventPayloads[K] };
}[EventType];
