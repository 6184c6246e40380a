import type { Bridge } from './bridge.ts';

/** ChannelState numbers and their ChannelStateDesc, as ast_state2str() prints them. */
export const STATE = { Down: 0, Ring: 4, Ringing: 5, Up: 6, Busy: 7 } as const;
const STATE_DESC: Record<number, string> = {
  0: 'Down',
  1: 'Rsrvd',
  2: 'OffHook',
  3: 'Dialing',
  4: 'Ring',
  5: 'Ringing',
  6: 'Up',
  7: 'Busy',
  8: 'Dialing Offhook',
  9: 'Pre-ring',
};
export const stateDesc = (s: number): string => STATE_DESC[s] ?? 'Unknown';

export type ChannelKind = 'pjsip' | 'local1' | 'local2';

/** What a channel does when something asks it to hang up. */
export interface HangupTarget {
  /**
   * `soft`: an AMI Hangup (SoftHangupRequest); `device`: the phone sent BYE
   * (HangupRequest). The handler emits the whole teardown.
   */
  hangup(ch: Channel, how: 'soft' | 'device', cause: number): void;
}

/** One leg, holding exactly what a channel snapshot prints. */
export interface Channel {
  readonly name: string;
  readonly uniqueid: string;
  linkedid: string;
  readonly kind: ChannelKind;
  /** PJSIP endpoint for phone legs. */
  readonly endpoint: string | undefined;
  state: number;
  callerNum: string;
  callerName: string;
  connNum: string;
  connName: string;
  language: string;
  accountCode: string;
  context: string;
  exten: string;
  priority: number;
  /** Current application and its data (CoreShowChannel / Status). */
  app: string;
  appData: string;
  readonly createdAt: number;
  answeredAt: number | undefined;
  bridge: Bridge | undefined;
  /** The other half of a Local channel pair. */
  peer: Channel | undefined;
  /** Inheritable variables (`__NAME`), copied to channels this one dials. */
  readonly inherit: Array<[string, string]>;
  handler: HangupTarget | undefined;
  hungUp: boolean;
  /** Bumped on every snapshot change; lets snapshot blocks be cached. */
  version: number;
  /** Periodic RTCP task, for answered phone legs. */
  stopRtcp: (() => void) | undefined;
}

export interface NewChannelInit {
  name: string;
  uniqueid: string;
  linkedid: string;
  kind: ChannelKind;
  endpoint?: string;
  state: number;
  callerNum?: string;
  callerName?: string;
  connNum?: string;
  connName?: string;
  language?: string;
  context: string;
  exten: string;
  priority?: number;
  createdAt: number;
}

export function makeChannel(init: NewChannelInit): Channel {
  return {
    name: init.name,
    uniqueid: init.uniqueid,
    linkedid: init.linkedid,
    kind: init.kind,
    endpoint: init.endpoint,
    state: init.state,
    callerNum: init.callerNum ?? '',
    callerName: init.callerName ?? '',
    connNum: init.connNum ?? '',
    connName: init.connName ?? '',
    language: init.language ?? 'en',
    accountCode: '',
    context: init.context,
    exten: init.exten,
    priority: init.priority ?? 1,
    app: '',
    appData: '',
    createdAt: init.createdAt,
    answeredAt: undefined,
    bridge: undefined,
    peer: undefined,
    inherit: [],
    handler: undefined,
    hungUp: false,
    version: 0,
    stopRtcp: undefined,
  };
}

/** Apply snapshot changes and bump the version. */
export function update(ch: Channel, patch: Partial<Omit<Channel, 'name' | 'uniqueid' | 'kind'>>): void {
  Object.assign(ch, patch);
  ch.version++;
}

/** `PJSIP/1001-0000002a` → `PJSIP/1001`; `Local/x@ctx-00000001;2` → `Local/x@ctx`. */
export function deviceOf(ch: Channel): string {
  const base = ch.name.replace(/;[12]$/, '');
  const dash = base.lastIndexOf('-');
  return dash === -1 ? base : base.slice(0, dash);
}
