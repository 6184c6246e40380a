export { buildCallRecord, type BuildCallRecordDeps } from './build-call-record.ts';
export type { CallDirection, CallOutcome, CallRecord, RingAttempt, SegmentRecord, SupervisionRecord, TransferRecord } from './call-record.ts';
export { CallRecordCollector, type CallRecordCollectorDeps, type CallRecordEvent } from './call-record-collector.ts';
export { directionOf, hangupByOf, languageOf, outcomeOf } from './classify.ts';
export { epochSeconds, seconds } from './time.ts';
