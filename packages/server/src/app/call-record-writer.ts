import type { CustomerDirectory } from '../directory/index.ts';
import { buildCallRecord } from '../call-records/index.ts';
import type { CallRecordInput } from '../persistence/repositories/call-records.ts';
import type { Call, PbxModel } from '../telephony/index.ts';

const DIRECTION = { 'inbound-queue': 'inbound', 'inbound-direct': 'inbound', originate: 'outbound', outbound: 'outbound', internal: 'internal' } as const;
const ms = (seconds: number | null): number | null => (seconds === null ? null : Math.round(seconds * 1000));

/**
 * Persists one call record per finished call, with the customer matched by the
 * caller's number and the credited agent (its talk is `talkSeconds`) resolved
 * from the extension.
 */
export function createCallRecordWriter(deps: {
  /** Writes the record (through durable storage: spooled while the database is away). */
  save: (record: CallRecordInput) => Promise<void>;
  customers: CustomerDirectory;
  agentOfExtension: (pbx: string, extension: string) => string | null;
  /** The call's recording file, if it was recorded (taken once). */
  recordingOf?: (pbx: string, linkedid: string) => string | null;
  log: { warn(o: object, m?: string): void };
}): (pbx: string, model: PbxModel, call: Call) => void {
  return (pbx, model, call) => {
    const record = buildCallRecord({ pbx, directory: model.directory }, call, null);
    // A supervisor's listen/whisper/barge leg is not a call: it stays out of the call log and its reports.
    if (record.type === 'supervision') return;
    void (async () => {
      const customer = record.callerNumber ? await deps.customers.findCustomerByNumber(record.callerNumber).catch((err: unknown) => {
            deps.log.warn({ linkedid: record.linkedid, err: (err as Error).message }, 'customer lookup for the call record failed');
            return undefined;
          }) : undefined;
      await deps.save({
        pbx,
        linkedid: record.linkedid,
        direction: DIRECTION[record.direction],
        queue: record.queue,
        callerNumber: record.callerNumber,
        callerName: record.callerName,
        calledNumber: record.calledNumber,
        customerId: customer?.id ?? null,
        language: record.language,
        agentsOffered: [...record.agentsOffered],
        // The agent the call is credited to: the originator of a click-to-dial, else the first to answer.
        answeredBy: record.agent,
        answeredAgentId: record.agent ? deps.agentOfExtension(pbx, record.agent) : null,
        startedAt: ms(record.startedAt)!,
        answeredAt: ms(record.answeredAt),
        endedAt: ms(record.endedAt),
        waitSeconds: record.waitSeconds,
        ringSeconds: record.ringSeconds,
        talkSeconds: record.talkSeconds,
        holdSeconds: record.holdSeconds,
        wrapupSeconds: record.wrapupSeconds ?? 0,
        outcome: record.outcome,
        transfers: record.transfers.map((t) => ({ at: ms(t.at)!, kind: t.type, from: t.from, to: t.to ?? '' })),
        hangupBy: record.hangupBy,
        hangupCause: record.hangupCause === null ? null : String(record.hangupCause),
        recordingFile: deps.recordingOf?.(pbx, call.linkedid) ?? null,
      });
    })().catch((err) => deps.log.warn({ err: (err as Error).message, linkedid: call.linkedid }, 'call record not saved'));
  };
}
