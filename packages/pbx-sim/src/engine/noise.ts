import { PERM } from '../ami/permissions.ts';
import { type Channel, update } from '../model/channel.ts';
import { cs } from '../model/snapshot.ts';
import { epochMicros, escapeC, localDateTime } from '../util/format.ts';
import type { PbxCore } from './core.ts';

/**
 * The high-volume classes: dialplan (Newexten, VarSet), reporting (RTCP*) and
 * cdr (Cdr). They can be switched off, in which case nothing is built; the
 * channel state they describe (current application, position) is still kept.
 */

/** Run one dialplan step: the channel moves to context/exten/priority and starts `app`. */
export function newexten(core: PbxCore, ch: Channel, context: string, exten: string, priority: number, app: string, data: string): void {
  update(ch, { context, exten, priority, app, appData: data });
  if (!core.config.noise.dialplan) return;
  core.bus.emitLazy('Newexten', PERM.dialplan, () => [
    ...cs(ch),
    ['Extension', exten],
    ['Application', app],
    ['AppData', data],
  ]);
}

/** Newexten for an app started on a channel without a dialplan step (AppDial, AppQueue…). */
export function appStart(core: PbxCore, ch: Channel, app: string, data: string, exten = ch.exten): void {
  newexten(core, ch, ch.context, exten, ch.priority, app, data);
}

export function varset(core: PbxCore, ch: Channel, name: string, value: string): void {
  if (!core.config.noise.dialplan) return;
  core.bus.emitLazy('VarSet', PERM.dialplan, () => [...cs(ch), ['Variable', name], ['Value', escapeC(value)]]);
}

export function varsets(core: PbxCore, ch: Channel, pairs: ReadonlyArray<readonly [string, string]>): void {
  if (!core.config.noise.dialplan) return;
  for (const [k, v] of pairs) varset(core, ch, k, v);
}

const QOS_NAMES = ['RTPAUDIOQOS', 'RTPAUDIOQOSJITTER', 'RTPAUDIOQOSLOSS', 'RTPAUDIOQOSRTT', 'RTPAUDIOQOSMES'] as const;

function qosValue(core: PbxCore, name: string): string {
  const r = () => `000.${String(core.rng.int(0, 999999)).padStart(6, '0')}`;
  switch (name) {
    case 'RTPAUDIOQOS':
      return `ssrc=${core.rng.int(1, 2 ** 31)};themssrc=${core.rng.int(1, 2 ** 31)};lp=0;rxjitter=0.000000;rxcount=250;txjitter=0.000000;txcount=251;rlp=0;rtt=0.000700;rxmes=88.080000;txmes=88.080000`;
    case 'RTPAUDIOQOSJITTER':
      return `minrxjitter=000.000000;maxrxjitter=${r()};avgrxjitter=000.000002;stdevrxjitter=000.000016;mintxjitter=000.000000;maxtxjitter=000.000000;avgtxjitter=000.000000;stdevtxjitter=000.000000;`;
    case 'RTPAUDIOQOSLOSS':
      return '  minrxlost=000.000000;  maxrxlost=000.000000;  avgrxlost=000.000000;  stdevrxlost=000.000000;  mintxlost=000.000000;  maxtxlost=000.000000;  avgtxlost=000.000000;  stdevtxlost=000.000000;';
    case 'RTPAUDIOQOSRTT':
      return `     minrtt=${r()};     maxrtt=000.000732;     avgrtt=000.000732;     stdevrtt=000.000000;`;
    default:
      return '   minrxmes=088.087887;   maxrxmes=088.087887;   avgrxmes=088.087887;   stdevrxmes=000.000000;   mintxmes=088.080644;   maxtxmes=088.080644;   avgtxmes=088.080644;   stdevtxmes=000.000000;';
  }
}

/** The RTP statistics a PJSIP leg sets when its media stops (hangup or bridge exit). */
export function rtpQos(core: PbxCore, ch: Channel): void {
  if (!core.config.noise.dialplan) return;
  for (const n of QOS_NAMES) varset(core, ch, n, qosValue(core, n));
}

/**
 * A phone hanging up itself while bridged: the leg and its bridge peer set the
 * statistics in turn (`RTPAUDIOQOS` on the leg, `RTPAUDIOQOSBRIDGED` on the peer).
 */
export function rtpQosBridged(core: PbxCore, ch: Channel, peer: Channel | undefined): void {
  if (!core.config.noise.dialplan) return;
  for (const n of QOS_NAMES) {
    const v = qosValue(core, n);
    varset(core, ch, n, v);
    if (peer) varset(core, peer, `${n}BRIDGED`, v);
  }
}

/** Start the periodic RTCPSent/RTCPReceived pair for an answered phone leg. */
export function startRtcp(core: PbxCore, ch: Channel): void {
  if (!core.config.noise.rtcp || ch.kind !== 'pjsip' || ch.stopRtcp) return;
  let packets = 0;
  const ssrcA = `0x${core.rng.hex(8)}`;
  const ssrcB = `0x${core.rng.hex(8)}`;
  const localPort = core.rng.int(10000, 20000);
  const remotePort = core.rng.int(10000, 20000);
  const tick = () => {
    if (ch.hungUp) return;
    packets += Math.round(core.config.rtcpIntervalMs / 20);
    const common = (ssrc: string, reportSsrc: string) =>
      [
        ['SSRC', ssrc],
        ['PT', '200(SR)'],
        ['ReportCount', '1'],
        ['SentNTP', epochMicros(core.now())],
        ['SentRTP', String(packets * 160)],
        ['SentPackets', String(packets)],
        ['SentOctets', String(packets * 160)],
        ['Report0SourceSSRC', reportSsrc],
        ['Report0FractionLost', '0'],
        ['Report0CumulativeLost', '0'],
        ['Report0HighestSequence', String(packets)],
        ['Report0SequenceNumberCycles', '0'],
        ['Report0IAJitter', '0'],
        ['Report0LSR', '0'],
        ['Report0DLSR', '0.0000'],
      ] as Array<[string, string]>;
    core.bus.emitLazy('RTCPSent', PERM.reporting, () => [
      ...cs(ch),
      ['To', `127.0.0.1:${remotePort}`],
      ['From', `127.0.0.1:${localPort}`],
      ['MES', '88.1'],
      ...common(ssrcA, ssrcB),
    ]);
    core.bus.emitLazy('RTCPReceived', PERM.reporting, () => [
      ...cs(ch),
      ['To', `127.0.0.1:${localPort}`],
      ['From', `127.0.0.1:${remotePort}`],
      ['RTT', '0.0007'],
      ['MES', '88.1'],
      ...common(ssrcB, ssrcA),
    ]);
    task = core.scheduler.after(core.config.rtcpIntervalMs, tick);
  };
  let task = core.scheduler.after(core.config.rtcpIntervalMs, tick);
  ch.stopRtcp = () => task.cancel();
}

export interface CdrRecord {
  /** The B party, when there was one. */
  destinationChannel?: Channel | undefined;
  disposition: 'ANSWERED' | 'NO ANSWER' | 'BUSY' | 'FAILED';
  answeredAt?: number | undefined;
  lastApplication: string;
  lastData: string;
  destination: string;
  destinationContext: string;
  userField?: string;
}

/** One CDR record of a party A (cdr_manager). */
export function cdr(core: PbxCore, ch: Channel, rec: CdrRecord): void {
  if (!core.config.noise.cdr) return;
  const end = core.now();
  const start = ch.createdAt;
  const callerId = ch.callerName ? `"${ch.callerName}" <${ch.callerNum}>` : ch.callerNum;
  core.bus.emitLazy('Cdr', PERM.cdr, () => [
    ['AccountCode', ''],
    ['Source', ch.callerNum],
    ['Destination', rec.destination],
    ['DestinationContext', rec.destinationContext],
    ['CallerID', callerId],
    ['Channel', ch.name],
    ['DestinationChannel', rec.destinationChannel?.name ?? ''],
    ['LastApplication', rec.lastApplication],
    ['LastData', rec.lastData],
    ['StartTime', localDateTime(start)],
    ['AnswerTime', rec.answeredAt === undefined ? '' : localDateTime(rec.answeredAt)],
    ['EndTime', localDateTime(end)],
    ['Duration', String(Math.floor((end - start) / 1000))],
    ['BillableSeconds', String(rec.answeredAt === undefined ? 0 : Math.floor((end - rec.answeredAt) / 1000))],
    ['Disposition', rec.disposition],
    ['AMAFlags', 'DOCUMENTATION'],
    ['UniqueID', ch.uniqueid],
    ['UserField', rec.userField ?? ''],
  ]);
}
