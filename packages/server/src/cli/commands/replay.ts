import type { WrapUpPolicy } from '../../contact-center/agent-state.ts';
import type { CliCommand, CliIo } from '../command.ts';
import { CliUsageError } from '../errors.ts';
import { callsTable, intervalLine, intervalsTable } from '../replay/format.ts';
import { replaySessions } from '../replay/replay-engine.ts';
import { loadTranscript } from '../replay/transcript.ts';

const USAGE = `Usage: cti replay <received.ami> [<next-session.ami>...] [options]

Runs a recorded AMI byte stream (banner included) through the live model and
prints one call record per call and one line per agent-state interval.
Several files are the successive sessions of one PBX, in order (e.g. before
and after a restart): each later one is resynced from its list answers, and
calls that did not survive an Asterisk restart end hung up by pbx-restart.

Options:
  --json                   one JSON object per line instead of tables
  --pbx <id>               PBX id to stamp on the output (default: pbx)
  --wrapup <seconds>       wrap-up after a queue call (default: 0, none)
  --wrapup-queue <q>=<s>   wrap-up for one queue (repeatable)
  --wrapup-mode <mode>     timeout (default) or manual
  --start <epoch-seconds>  start of the synthetic clock when there is no timeline
  --unfinished             also print calls still up at the end of the stream

Times come from the sibling timeline.jsonl when there is one, else from
Timestamp: headers, else from a synthetic clock (1 ms per message).
See packages/server/docs/replay.md for every output field.`;

interface ReplayArgs {
  readonly files: readonly string[];
  readonly json: boolean;
  readonly pbx: string;
  readonly wrapUp: WrapUpPolicy;
  readonly startMs: number;
  readonly unfinished: boolean;
}

function number(flag: string, v: string | undefined): number {
  const n = Number(v);
  if (v === undefined || v === '' || !Number.isFinite(n) || n < 0) throw new CliUsageError(`${flag} needs a non-negative number`, { flag, value: v });
  return n;
}

export function parseReplayArgs(args: readonly string[]): ReplayArgs {
  const files: string[] = [];
  let json = false;
  let pbx = 'pbx';
  let defaultSeconds = 0;
  let mode: WrapUpPolicy['mode'] = 'timeout';
  let startMs = 0;
  let unfinished = false;
  const perQueue: Record<string, number> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = (): string | undefined => args[++i];
    if (a === '--json') json = true;
    else if (a === '--unfinished') unfinished = true;
    else if (a === '--pbx') pbx = next() ?? '';
    else if (a === '--wrapup') defaultSeconds = number(a, next());
    else if (a === '--start') startMs = number(a, next()) * 1000;
    else if (a === '--wrapup-mode') {
      const m = next();
      if (m !== 'timeout' && m !== 'manual') throw new CliUsageError('--wrapup-mode is timeout or manual', { value: m });
      mode = m;
    } else if (a === '--wrapup-queue') {
      const [q, s] = (next() ?? '').split('=');
      if (q === undefined || q === '') throw new CliUsageError('--wrapup-queue needs <queue>=<seconds>');
      perQueue[q] = number(a, s);
    } else if (a.startsWith('-')) throw new CliUsageError(`unknown option ${a}`, { option: a });
    else files.push(a);
  }
  if (files.length === 0) throw new CliUsageError('missing the transcript file');
  if (pbx === '') throw new CliUsageError('--pbx needs an id');
  return { files, json, pbx, wrapUp: { defaultSeconds, perQueue, mode }, startMs, unfinished };
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const opts = parseReplayArgs(args);
  const transcripts = opts.files.map((file) => {
    const transcript = loadTranscript(file, { syntheticStartMs: opts.startMs });
    if (transcript.warning !== null) io.err(`cti replay: ${transcript.warning}\n`);
    if (transcript.clock === 'synthetic') io.err(`cti replay: ${file}: no timeline.jsonl and no Timestamp headers: using a synthetic clock (1 ms per message)\n`);
    return transcript;
  });
  const clock = [...new Set(transcripts.map((t) => t.clock))].join('+');
  const result = replaySessions(transcripts.map((t) => t.messages), { pbx: opts.pbx, wrapUp: opts.wrapUp });
  for (const a of result.anomalies) io.err(`cti replay: anomaly ${a.code} ${JSON.stringify(a)}\n`);
  const calls = opts.unfinished ? [...result.calls, ...result.unfinishedCalls] : result.calls;
  const intervals = result.intervals.map(intervalLine);
  if (opts.json) {
    for (const c of calls) io.out(`${JSON.stringify(c)}\n`);
    for (const l of intervals) io.out(`${JSON.stringify(l)}\n`);
  } else {
    io.out(`Calls (${calls.length}), clock: ${clock}\n${callsTable(calls)}\n\n`);
    io.out(`Agent intervals (${intervals.length})\n${intervalsTable(intervals)}\n`);
  }
  return 0;
}

export const command: CliCommand = {
  name: 'replay',
  summary: 'Replay a recorded AMI stream and print call records and agent-state intervals',
  usage: USAGE,
  run,
};
