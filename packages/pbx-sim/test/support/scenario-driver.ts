import type { AmiMessage } from '@amiable/ami';
import { ManualClock } from '../../src/time/clock.ts';
import { type SimulatedPbx, type SimulatedPbxOptions, startSimulatedPbx } from '../../src/index.ts';
import { RawAmiClient, settle } from './raw-ami-client.ts';
import { type TimelineEntry, loadTimeline } from './trace.ts';

export interface ScenarioRun {
  pbx: SimulatedPbx;
  clock: ManualClock;
  /** Every client by recorded connection name (main, setup, second, …). */
  clients: Map<string, RawAmiClient>;
  /** Messages the `main` client received, in order. */
  main: AmiMessage[];
  /** Bytes each connection sent, by connection name. */
  sent: Map<string, Buffer[]>;
  close(): Promise<void>;
}

interface PhoneState {
  mode: 'answer' | 'noanswer' | 'busy' | 'reject';
  delay: number;
  talk: number | undefined;
}

/**
 * Replay a recorded scenario against the simulator: every action the recorder
 * sent (timeline.jsonl, plus the helper session in control.jsonl) is sent at
 * its recorded time on a ManualClock, and the phone settings the recorder put
 * into AstDB (DBPut phone/<ext>/{mode,delay,talk}) become setPhone() calls.
 */
export interface ScenarioOptions {
  pbx?: SimulatedPbxOptions;
  /** Extra simulated time after the last recorded step. Default 3000 ms. */
  extraMs?: number;
  /** Rewrite an action before it is sent (e.g. a recorded bridge id → the simulator's). */
  rewrite?: (conn: string, text: string, pbx: SimulatedPbx) => string;
}

export async function runScenario(scenario: string, opts: ScenarioOptions = {}): Promise<ScenarioRun> {
  const options = opts.pbx ?? {};
  const extraMs = opts.extraMs ?? 3000;
  const entries = loadTimeline(scenario);
  const t0 = entries[0]!.t;
  const clock = new ManualClock(Math.round(t0 * 1000));
  const pbx = await startSimulatedPbx({ clock, seed: 7, ...options });
  const clients = new Map<string, RawAmiClient>();
  const sent = new Map<string, Buffer[]>();
  const sessionIndex = new Map<string, number>();
  const phones = new Map<string, PhoneState>();
  const at = (e: TimelineEntry) => Math.round(e.t * 1000);

  for (const e of entries) {
    clock.advanceTo(at(e));
    await settle();
    if (e.conn === 'phones') {
      applyPhone(pbx, phones, e.text);
      continue;
    }
    if (e.dir === 'in') {
      if (!clients.has(e.conn) && e.text.startsWith('Asterisk Call Manager')) {
        clients.set(e.conn, await RawAmiClient.connect(pbx.port));
        sessionIndex.set(e.conn, pbx.sessions().length - 1);
        sent.set(e.conn, []);
      }
      continue;
    }
    const client = clients.get(e.conn);
    if (!client || client.closed) continue;
    const bytes = Buffer.from(opts.rewrite ? opts.rewrite(e.conn, e.text, pbx) : e.text, 'utf8');
    sent.get(e.conn)!.push(bytes);
    const session = pbx.sessions()[sessionIndex.get(e.conn)!]!;
    const expected = session.receivedBytes().length + bytes.length;
    client.write(bytes);
    for (let i = 0; i < 200 && session.receivedBytes().length < expected && !session.closed; i++) await settle(1);
    await settle();
  }
  const last = entries[entries.length - 1]!;
  clock.advanceTo(at(last) + extraMs);
  await settle(20);
  const main = clients.get('main')?.messages ?? [];
  return {
    pbx,
    clock,
    clients,
    main,
    sent,
    close: async () => {
      for (const c of clients.values()) c.close();
      await pbx.close();
    },
  };
}

function applyPhone(pbx: SimulatedPbx, phones: Map<string, PhoneState>, text: string): void {
  const key = /Key: (\d+)\/(mode|delay|talk)\r\nVal: ([^\r]*)/.exec(text);
  if (!key) return;
  const [, ext, what, val] = key as unknown as [string, string, string, string];
  const p = phones.get(ext) ?? { mode: 'answer', delay: 2, talk: undefined };
  if (what === 'mode') p.mode = val as PhoneState['mode'];
  else if (what === 'delay') p.delay = Number(val);
  else p.talk = Number(val);
  phones.set(ext, p);
  pbx.setPhone(ext, {
    mode: p.mode,
    answerAfterMs: p.delay * 1000,
    ...(p.talk !== undefined && p.talk < 3600 ? { hangupAfterMs: p.talk * 1000 } : {}),
  });
}
