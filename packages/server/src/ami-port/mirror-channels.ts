import type { AmiMessage } from '@amiable/ami';
import type { ChannelRecord } from './model.ts';

/** Channel snapshot fields (without prefix) and the record property each one fills. */
const CS_FIELDS: ReadonlyArray<readonly [string, keyof ChannelRecord]> = [
  ['ChannelState', 'channelState'],
  ['ChannelStateDesc', 'channelStateDesc'],
  ['CallerIDNum', 'callerIdNum'],
  ['CallerIDName', 'callerIdName'],
  ['ConnectedLineNum', 'connectedLineNum'],
  ['ConnectedLineName', 'connectedLineName'],
  ['Language', 'language'],
  ['AccountCode', 'accountCode'],
  ['Context', 'context'],
  ['Exten', 'exten'],
  ['Priority', 'priority'],
  ['Linkedid', 'linkedid'],
];

/** Prefixes under which events carry a full channel snapshot besides the plain one. */
const PREFIXES = [
  '',
  'Dest',
  'LocalOne',
  'LocalTwo',
  'Source',
  'Transferer',
  'Transferee',
  'OrigTransferer',
  'SecondTransferer',
  'TransferTarget',
  'Spyer',
  'Spyee',
];

/** Live channels of one PBX, kept from channel snapshots in events (and CoreShowChannel items). */
export class ChannelMirror {
  readonly #channels = new Map<string, ChannelRecord>();

  list(): ChannelRecord[] {
    return [...this.#channels.values()];
  }

  clear(): void {
    this.#channels.clear();
  }

  apply(msg: AmiMessage): void {
    for (const prefix of PREFIXES) this.#snapshot(msg, prefix);
    const uid = msg.get('Uniqueid');
    const ch = uid === undefined ? undefined : this.#channels.get(uid);
    switch (msg.event) {
      case 'Hangup':
        if (uid !== undefined) this.#channels.delete(uid);
        break;
      case 'Newexten':
        if (ch) {
          ch.application = msg.get('Application') ?? ch.application;
          ch.applicationData = msg.get('AppData') ?? ch.applicationData;
        }
        break;
      case 'CoreShowChannel':
        if (ch) {
          ch.application = msg.get('Application') ?? ch.application;
          ch.applicationData = msg.get('ApplicationData') ?? ch.applicationData;
          ch.bridgeId = msg.get('BridgeId') ?? ch.bridgeId;
        }
        break;
      case 'BridgeEnter':
        if (ch) ch.bridgeId = msg.get('BridgeUniqueid') ?? '';
        break;
      case 'BridgeLeave':
        if (ch && ch.bridgeId === msg.get('BridgeUniqueid')) ch.bridgeId = '';
        break;
    }
  }

  #snapshot(msg: AmiMessage, prefix: string): void {
    const name = msg.get(`${prefix}Channel`);
    const uid = msg.get(`${prefix}Uniqueid`);
    if (name === undefined || uid === undefined || msg.get(`${prefix}ChannelState`) === undefined) return;
    let ch = this.#channels.get(uid);
    if (!ch) {
      ch = {
        channel: name,
        channelState: '',
        channelStateDesc: '',
        callerIdNum: '',
        callerIdName: '',
        connectedLineNum: '',
        connectedLineName: '',
        language: '',
        accountCode: '',
        context: '',
        exten: '',
        priority: '',
        uniqueid: uid,
        linkedid: uid,
        application: '',
        applicationData: '',
        bridgeId: '',
        createdAt: msg.receivedAt,
      };
      this.#channels.set(uid, ch);
    }
    ch.channel = name;
    const record = ch as unknown as Record<string, string>;
    for (const [field, prop] of CS_FIELDS) {
      const v = msg.get(`${prefix}${field}`);
      if (v !== undefined) record[prop] = v;
    }
  }
}
