import { type Static, Type } from '@sinclair/typebox';
import { Nullable, SafeString } from '../strings.ts';

export const TransferTargetSchema = Type.Object({
  kind: Type.Union([Type.Literal('queue'), Type.Literal('extension'), Type.Literal('external')]),
  /** Queue name, extension, or (external) the number prefix that is allowed. */
  value: SafeString({ maxLength: 64 }),
  label: Nullable(SafeString({ maxLength: 200 })),
});

/** `GET /api/transfer-targets`: where a desk may transfer calls. */
export const TransferTargetsSchema = Type.Object({
  /** True when only these targets are allowed; false when any extension or number is, plus these queues. */
  restricted: Type.Boolean(),
  targets: Type.Array(TransferTargetSchema),
});
export type TransferTargets = Static<typeof TransferTargetsSchema>;
