import type { AmiMessage } from '@amiable/ami';
import { ManualClock, type SimulatedPbx, type SimulatedPbxOptions, startSimulatedPbx } from '../../src/index.ts';
import { parseAmi } from './trace.ts';

export interface TappedPbx {
  pbx: SimulatedPbx;
  clock: ManualClock;
  /** Every event the PBX emitted, parsed, in order. */
  events: AmiMessage[];
  /** Events of one name (optionally filtered). */
  named(name: string, pred?: (m: AmiMessage) => boolean): AmiMessage[];
  advance(ms: number): void;
  close(): Promise<void>;
}

/** A simulator on a ManualClock with an in-process tap on every event class. */
export async function startTapped(options: SimulatedPbxOptions = {}): Promise<TappedPbx> {
  const clock = new ManualClock(Date.UTC(2026, 10, 26, 9, 0, 0));
  const pbx = await startSimulatedPbx({ clock, seed: 11, ...options });
  const events: AmiMessage[] = [];
  pbx.tap({ onEvent: (e) => events.push(...parseAmi(Buffer.from(e.text), false).messages) });
  return {
    pbx,
    clock,
    events,
    named: (name, pred) => events.filter((m) => m.event === name && (!pred || pred(m))),
    advance: (ms) => clock.advance(ms),
    close: () => pbx.close(),
  };
}
