import type { AmiMessage } from '@amiable/ami';
import { ChannelMirror } from './mirror-channels.ts';
import { QueueMirror, type QueueStaticParams } from './mirror-queues.ts';
import type { AmiPortModel, DeviceStateRecord, ExtensionStateRecord } from './model.ts';
import { RestartDetector } from './restart-detector.ts';

export interface EventMirrorOptions {
  /** Queue parameters events do not carry (strategy, max, service level, weight), by queue name. */
  queues?: Readonly<Record<string, QueueStaticParams>>;
}

/** An `AmiPortModel` kept up to date from AMI events; `apply` every event of every PBX to it. */
export interface EventMirror extends AmiPortModel {
  apply(pbxId: string, msg: AmiMessage): void;
  /** Forget a PBX's state, e.g. before its resync snapshot is applied after a reconnect. */
  reset(pbxId: string): void;
}

interface PbxMirror {
  channels: ChannelMirror;
  queues: QueueMirror;
  devices: Map<string, DeviceStateRecord>;
  extensions: Map<string, ExtensionStateRecord>;
  restarts: RestartDetector;
}

/**
 * The default state behind the AMI port's list actions, for servers that do not
 * wire their telephony model in. It sees only what the events say, so it starts
 * empty and fills as activity happens; feeding it the resync list items (they are
 * ordinary events with an ActionID) seeds it at once.
 */
export function createEventMirror(options: EventMirrorOptions = {}): EventMirror {
  const pbxs = new Map<string, PbxMirror>();
  const get = (pbxId: string): PbxMirror | undefined => pbxs.get(pbxId);

  function mirrorOf(pbxId: string): PbxMirror {
    let m = pbxs.get(pbxId);
    if (!m) {
      m = {
        channels: new ChannelMirror(),
        queues: new QueueMirror(options.queues),
        devices: new Map(),
        extensions: new Map(),
        restarts: new RestartDetector(),
      };
      pbxs.set(pbxId, m);
    }
    return m;
  }

  return {
    apply(pbxId, msg) {
      const m = mirrorOf(pbxId);
      if (m.restarts.isRestart(msg)) {
        m.channels.clear();
        m.queues.clear();
      }
      m.channels.apply(msg);
      m.queues.apply(msg);
      if (msg.event === 'DeviceStateChange') {
        const device = msg.get('Device');
        if (device !== undefined) m.devices.set(device, { device, state: msg.get('State') ?? 'UNKNOWN' });
      } else if (msg.event === 'ExtensionStatus') {
        const exten = msg.get('Exten');
        const context = msg.get('Context') ?? '';
        if (exten !== undefined) {
          m.extensions.set(`${exten}@${context}`, {
            exten,
            context,
            hint: msg.get('Hint') ?? '',
            status: msg.get('Status') ?? '-1',
            statusText: msg.get('StatusText') ?? '',
          });
        }
      }
    },
    reset(pbxId) {
      pbxs.delete(pbxId);
    },
    pbxIds: () => [...pbxs.keys()],
    channels: (pbxId) => get(pbxId)?.channels.list() ?? [],
    queues: (pbxId) => get(pbxId)?.queues.list() ?? [],
    deviceStates: (pbxId) => [...(get(pbxId)?.devices.values() ?? [])],
    extensionStates: (pbxId) => [...(get(pbxId)?.extensions.values() ?? [])],
  };
}
