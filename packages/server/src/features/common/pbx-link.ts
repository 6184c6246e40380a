import type { AmiActionInput, AmiMessage } from '@amiable/ami';

/**
 * What feature services need from the PBX side: send an action to one Asterisk,
 * and wait for the event that confirms it. Implemented by the PBX connection
 * manager; faked in unit tests.
 */
export interface PbxLink {
  /** Resolves with the response; rejects with a typed error on `Response: Error` or disconnect. */
  send(pbxId: string, action: AmiActionInput): Promise<AmiMessage>;
  /**
   * Register interest in an event before sending, so a fast confirmation is never missed.
   * The returned promise rejects after `timeoutMs`.
   */
  expect(pbxId: string, match: (message: AmiMessage) => boolean, timeoutMs: number): Expectation;
  isReady(pbxId: string): boolean;
}

export interface Expectation {
  readonly done: Promise<AmiMessage>;
  cancel(): void;
}

/** Match helper: event name plus exact (case-insensitive key) field values. */
export function eventMatcher(event: string, fields: Record<string, string>): (m: AmiMessage) => boolean {
  const entries = Object.entries(fields);
  return (m) => m.event === event && entries.every(([k, v]) => m.get(k) === v);
}
