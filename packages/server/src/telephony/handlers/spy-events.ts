import type { AmiMessage } from '@amiable/ami';
import type { Call, SpyFacts, SpyMode } from '../call.ts';
import type { DomainChange } from '../changes.ts';
import { observe } from '../channel-observe.ts';
import type { PbxModel } from '../pbx-model.ts';
import { SPYEE_CS, SPYER_CS } from '../snapshot-keys.ts';
import type { EpochMs } from '../types.ts';

/** ChanSpy options (`uqEw`, `uqEB`) → the mode; without `w` or `B` the supervisor only listens. */
export function spyModeOf(options: string): SpyMode {
  if (options.includes('B')) return 'barge';
  if (options.includes('w')) return 'whisper';
  return 'listen';
}

function spyOf(call: Call): SpyFacts {
  call.facts.spy ??= { mode: null, spiedLinkedid: null, spiedExtension: null, startedAt: null, endedAt: null };
  return call.facts.spy;
}

/** An Originate to the ChanSpy application: the supervisor's leg, with the mode it asked for. */
export function noteSpyOriginate(call: Call, application: string | undefined, data: string | undefined): void {
  if (application?.toLowerCase() !== 'chanspy') return;
  const comma = data?.indexOf(',') ?? -1;
  spyOf(call).mode = spyModeOf(comma < 0 ? '' : data!.slice(comma + 1));
}

/** ChanSpyStart / ChanSpyStop: `Spyer*` is the supervisor's leg, `Spyee*` the agent's. */
export function onChanSpy(model: PbxModel, msg: AmiMessage, now: EpochMs, out: DomainChange[]): void {
  const spyer = observe(model, msg, SPYER_CS, now, out);
  const spyee = observe(model, msg, SPYEE_CS, now, out);
  const call = spyer === undefined ? undefined : model.calls.get(spyer.linkedid);
  if (call === undefined) return;
  const spy = spyOf(call);
  const started = msg.event === 'ChanSpyStart';
  if (started) {
    spy.startedAt ??= now;
    spy.spiedLinkedid = spyee?.linkedid ?? spy.spiedLinkedid;
    spy.spiedExtension = spyee?.extension ?? spy.spiedExtension;
  } else {
    spy.endedAt = now;
  }
  const linkedid = spyee?.linkedid ?? spy.spiedLinkedid;
  if (linkedid === null || spyer === undefined) return;
  out.push({
    type: 'call-spy',
    pbx: model.pbx,
    at: now,
    phase: started ? 'started' : 'stopped',
    linkedid,
    extension: spyee?.extension ?? spy.spiedExtension,
    spyerUniqueid: spyer.uniqueid,
    spyerExtension: spyer.extension,
    mode: spy.mode,
  });
}
