import type { Channel } from '../model/channel.ts';
import type { CdrRecord } from './noise.ts';

/**
 * The calling side of a call, as seen by the application it runs (Queue or
 * Dial). For a trunk caller this is the `;1` half of a Local pair whose `;2`
 * half stands for the customer; for click-to-dial it is the agent's own phone.
 */
export interface CallerParty {
  readonly channel: Channel;
  /** CDR records collected while the application ran (one per dialled party). */
  readonly records: CdrRecord[];
  /** The application that currently owns the caller. */
  app: CallerApp | undefined;
  /** The caller's connected line changed (propagates to the far half of a Local pair). */
  connectedChanged(): void;
  /** The application has started its first attempt: the far half may run its next step. */
  initialBurstDone(): void;
  /** The far side is gone: emit its Hangup (no-op for a phone caller). */
  farGone(): void;
  /** Hang up the caller itself (and the far half if it is still up). */
  /** `soft: false` ends the channel without a SoftHangupRequest (an application that exits by itself). */
  hangupCaller(cause?: number, soft?: boolean): void;
  /** The caller was bridged to someone (queue member or dialled phone). */
  bridged?(): void;
}

/** An application running on the caller's channel. */
export interface CallerApp {
  /**
   * The caller hung up. The request events (SoftHangupRequest/HangupRequest)
   * have been emitted; the app emits the rest, calling party.farGone() and
   * party.hangupCaller() where Asterisk does.
   */
  callerGone(party: CallerParty): void;
  /** An AMI Hangup of the caller gives no SoftHangupRequest (ChanSpy, as recorded). */
  readonly quietHangup?: boolean;
}
