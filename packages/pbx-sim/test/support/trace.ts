import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AmiMessage, AmiParser } from '@amiable/ami';

export const TRACES = join(import.meta.dirname, '../../../../test/fixtures/ami-traces');

/** The noisy classes, compared separately (see README "Fidelity"). */
export const NOISY = new Set(['VarSet', 'Newexten', 'RTCPSent', 'RTCPReceived', 'Cdr']);

export function parseAmi(bytes: Buffer, expectBanner = true): { banner: string | undefined; messages: AmiMessage[] } {
  const messages: AmiMessage[] = [];
  let banner: string | undefined;
  const p = new AmiParser({ banner: (l) => (banner = l), message: (m) => messages.push(m) }, { expectBanner });
  p.push(bytes);
  return { banner, messages };
}

export function loadTrace(scenario: string, file = 'received.ami'): { banner: string | undefined; messages: AmiMessage[] } {
  return parseAmi(readFileSync(join(TRACES, scenario, file)));
}

export interface TimelineEntry {
  t: number;
  conn: string;
  dir: 'in' | 'out';
  text: string;
}

/** timeline.jsonl and control.jsonl merged in time order. */
export function loadTimeline(scenario: string): TimelineEntry[] {
  const read = (f: string) =>
    readFileSync(join(TRACES, scenario, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as TimelineEntry);
  return [...read('timeline.jsonl'), ...read('control.jsonl')].sort((a, b) => a.t - b.t);
}

/** Ordered field names, without Event. */
export function fieldNames(m: AmiMessage): string[] {
  const out: string[] = [];
  for (let i = 0; i < m.fields.length; i += 2) if (m.fields[i] !== 'Event') out.push(m.fields[i]!);
  return out;
}

/**
 * Channel names without the per-run hex suffix, numbered by first appearance:
 * `Local/+1555@trunk-sim-0000002a;1` → `Local/+1555@trunk-sim;1#0`.
 */
export function channelNormalizer(): (name: string) => string {
  const seen = new Map<string, string>();
  const counts = new Map<string, number>();
  return (name) => {
    const hit = seen.get(name);
    if (hit) return hit;
    const m = /^(.*)-[0-9a-f]{8}(;[12])?$/.exec(name);
    const base = m ? `${m[1]}${m[2] ?? ''}` : name;
    const n = counts.get(base) ?? 0;
    counts.set(base, n + 1);
    const out = `${base}#${n}`;
    seen.set(name, out);
    return out;
  };
}

/**
 * Group a session's live events by what orders them inside Asterisk: one
 * sequence per channel (its own thread), per device, per hint, per queue
 * member and per bridge. Cross-group interleaving varies run to run in the
 * real transcripts; the order inside a group does not.
 */
export function sequences(messages: readonly AmiMessage[], skip: ReadonlySet<string> = NOISY): Map<string, string[]> {
  const norm = channelNormalizer();
  const bridges = new Map<string, number>();
  const bridgeKey = (id: string) => {
    if (!bridges.has(id)) bridges.set(id, bridges.size);
    return `bridge#${bridges.get(id)}`;
  };
  const out = new Map<string, string[]>();
  for (const m of messages) {
    if (m.kind !== 'event' || !m.event) continue;
    const ev = m.event;
    if (m.has('ActionID') && ev !== 'OriginateResponse') continue;
    const chan = m.get('Channel') ?? m.get('DestChannel') ?? m.get('LocalOneChannel') ?? m.get('TransfererChannel') ?? m.get('OrigTransfererChannel');
    if (chan !== undefined) norm(chan);
    if (skip.has(ev)) continue;
    let key: string;
    if (ev === 'OriginateResponse') key = 'originate';
    else if (ev === 'FullyBooted' || ev === 'SuccessfulAuth') key = 'session';
    else if (chan !== undefined) key = `channel:${norm(chan)}`;
    else if (ev === 'DeviceStateChange') key = `device:${m.get('Device')}`;
    else if (ev === 'ExtensionStatus') key = `hint:${m.get('Exten')}`;
    else if (ev.startsWith('QueueMember')) key = `member:${m.get('Queue')}/${m.get('Interface')}`;
    else if (m.has('BridgeUniqueid')) key = bridgeKey(m.get('BridgeUniqueid')!);
    else if (m.has('ToBridgeUniqueid')) key = bridgeKey(m.get('ToBridgeUniqueid')!);
    else key = 'other';
    let label = `${ev}[${fieldNames(m).join(',')}]`;
    if (ev === 'VarSet') label = `VarSet:${m.get('Variable')}`;
    else if (ev === 'Newexten') label = `Newexten:${m.get('Application')}`;
    else if (ev === 'DialEnd' || ev === 'DialState') label += `:${m.get('DialStatus')}`;
    else if (ev === 'Newstate') label += `:${m.get('ChannelStateDesc')}`;
    else if (ev === 'AgentComplete') label += `:${m.get('Reason')}`;
    else if (ev === 'DeviceStateChange' || ev === 'ExtensionStatus' || ev === 'QueueMemberStatus') label += `:${m.get('State') ?? m.get('Status')}`;
    const list = out.get(key) ?? [];
    list.push(label);
    out.set(key, list);
  }
  return out;
}

/** Responses of a session, as `Response:Message` (ActionID and variable values left out). */
export function responses(messages: readonly AmiMessage[]): string[] {
  return messages.filter((m) => m.kind === 'response').map((m) => `${m.response}:${m.get('Message') ?? fieldNames(m).filter((k) => k !== 'ActionID' && k !== 'Response').join(',')}`);
}
