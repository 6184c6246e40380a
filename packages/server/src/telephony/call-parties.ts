import type { Call } from './call.ts';
import type { PbxModel } from './pbx-model.ts';
import type { EpochMs } from './types.ts';

/** How one extension sees a call. */
export type PartyDirection = 'inbound' | 'outbound' | 'internal';

/**
 * The direction of a call for one extension, the same from the first ring to
 * the end: the agent who originated it (click-to-dial) sees it outbound; for
 * everyone else a queue call or a call from outside is inbound, and a call
 * from another extension is internal.
 */
export function directionFor(model: PbxModel, call: Call, extension: string | null): PartyDirection {
  const f = call.facts;
  if (f.owner !== null && extension === f.owner) return 'outbound';
  if (f.queues.length > 0) return 'inbound';
  if (f.originKind === 'phone') return 'internal';
  if (f.originKind === 'local' && f.originLocalExten !== null && model.directory.isExtensionNumber(f.originLocalExten)) return 'internal';
  return 'inbound';
}

export type PartyPhase = 'ringing' | 'talking' | 'held' | 'consulting';

/** One extension taking part in a live call. */
export interface CallParty {
  readonly extension: string;
  readonly uniqueid: string;
  readonly phase: PartyPhase;
  readonly direction: PartyDirection;
  /** When this extension started to hold the call (its answer), if it has. */
  readonly answeredAt: EpochMs | null;
}

/**
 * Every extension with a live leg in the call: the owner of a click-to-dial
 * from its first ring, agents ringing or talking, and an agent consulting in
 * an attended transfer (`consulting`, until the transfer completes or it is
 * back with the customer). Legs answered in a consultation are not parties
 * of the call until the transfer completes.
 */
export function partiesOf(model: PbxModel, call: Call): CallParty[] {
  const f = call.facts;
  const out: CallParty[] = [];
  const seen = new Set<string>();
  for (const uniqueid of call.channels) {
    const ch = model.channels.get(uniqueid);
    if (ch === undefined || ch.kind !== 'phone' || ch.extension === null || seen.has(ch.extension)) continue;
    if (f.consulted.has(uniqueid) || (f.consult?.targetUniqueid === uniqueid && f.consult.entered)) continue;
    const isOwner = f.owner === ch.extension && uniqueid === f.originUniqueid;
    let phase: PartyPhase;
    if (f.consult?.uniqueid === uniqueid && f.consult.entered) phase = 'consulting';
    else if (ch.heldSince !== null) phase = 'held';
    else if (ch.state === 6 && (f.answeredAt !== null || !isOwner || f.spy !== null)) phase = 'talking';
    else if (ch.state === 5 || ch.state === 6 || isOwner) phase = 'ringing';
    else continue;
    seen.add(ch.extension);
    const segment = f.segments.find((s) => s.uniqueid === uniqueid && s.endedAt === null);
    out.push({ extension: ch.extension, uniqueid, phase, direction: directionFor(model, call, ch.extension), answeredAt: segment?.answeredAt ?? null });
  }
  return out;
}
