import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AmiMessage } from '@amiable/ami';
import { expect } from 'vitest';
import type { CallRecord } from '../../src/call-records/call-record.ts';
import type { AgentInterval, WrapUpPolicy } from '../../src/contact-center/agent-state.ts';
import { type ReplayResult, replayMessages } from '../../src/cli/replay/replay-engine.ts';
import { loadTranscript } from '../../src/cli/replay/transcript.ts';

export const TRACES = join(dirname(fileURLToPath(import.meta.url)), '../../../../test/fixtures/ami-traces');

export function tracePath(scenario: string, file = 'received.ami'): string {
  return join(TRACES, scenario, file);
}

/** Replay one recorded scenario through the model, the agent tracker and the call-record collector. */
export function replayTrace(scenario: string, wrapUp?: WrapUpPolicy, file = 'received.ami'): ReplayResult {
  const transcript = loadTranscript(tracePath(scenario, file));
  expect(transcript.clock).toBe('timeline');
  return replayMessages(transcript.messages, wrapUp === undefined ? {} : { wrapUp });
}

export function onlyCall(result: ReplayResult): CallRecord {
  expect(result.calls).toHaveLength(1);
  return result.calls[0]!;
}

export function callOf(result: ReplayResult, callerName: string): CallRecord {
  const found = result.calls.filter((c) => c.callerName === callerName);
  expect(found, `one call from ${callerName}`).toHaveLength(1);
  return found[0]!;
}

/** Intervals of one extension as [state, reason, queue, from s, to s] rows (times in epoch seconds). */
export function intervalsOf(result: ReplayResult, extension: string): Array<[string, string | null, string | null, number, number | null]> {
  return result.intervals
    .filter((i: AgentInterval) => i.extension === extension)
    .map((i) => [i.state, i.reason, i.queue, i.from / 1000, i.to === null ? null : i.to / 1000]);
}

/** Compare interval rows with expected ones, times to the millisecond. */
export function expectIntervals(
  actual: Array<[string, string | null, string | null, number, number | null]>,
  expected: Array<[string, string | null, string | null, number, number | null]>,
): void {
  expect(actual.map((r) => r.slice(0, 3))).toEqual(expected.map((r) => r.slice(0, 3)));
  expected.forEach((e, i) => {
    const a = actual[i]!;
    expect(a[3], `interval ${i} from`).toBeCloseTo(e[3], 3);
    if (e[4] === null) expect(a[4]).toBeNull();
    else expect(a[4], `interval ${i} to`).toBeCloseTo(e[4], 3);
  });
}

/** Build a live AMI event from ordered pairs, as the parser would. */
export function ev(pairs: Record<string, string>, receivedAt = 1_000_000): AmiMessage {
  const fields: string[] = [];
  for (const [k, v] of Object.entries(pairs)) fields.push(k, v);
  return new AmiMessage(fields, receivedAt);
}

/** A channel snapshot block in the shape Asterisk 22 sends (see screen-pop/received.ami). */
export function cs(channel: string, uniqueid: string, linkedid: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    Channel: channel,
    ChannelState: '6',
    ChannelStateDesc: 'Up',
    CallerIDNum: '<unknown>',
    CallerIDName: '<unknown>',
    ConnectedLineNum: '<unknown>',
    ConnectedLineName: '<unknown>',
    Language: 'en',
    AccountCode: '',
    Context: 'internal',
    Exten: 's',
    Priority: '1',
    Uniqueid: uniqueid,
    Linkedid: linkedid,
    ...extra,
  };
}

/**
 * Field-by-field comparison: every key of `expected` must match; numbers to
 * the millisecond (times are epoch seconds, durations seconds).
 */
export function expectFields(actual: unknown, expected: unknown, path = 'record'): void {
  if (typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    expect(actual as number, path).toBeCloseTo(expected, 3);
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, `${path}.length`).toBe(expected.length);
    for (let i = 0; i < expected.length; i++) expectFields((actual as unknown[])[i], expected[i], `${path}[${i}]`);
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    expect(actual, path).toBeTypeOf('object');
    for (const [k, v] of Object.entries(expected)) expectFields((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
    return;
  }
  expect(actual, path).toBe(expected);
}
