import { type Static, Type } from '@sinclair/typebox';
import { ErrorBodySchema } from '../errors.ts';
import { ROLES } from '../permissions.ts';
import { EventScopeSchema } from '../scope.ts';
import { StateSnapshotSchema } from '../state.ts';
import { Identifier, Nullable, OneOf, SafeString, Timestamp, Username } from '../strings.ts';
import { FrameIdSchema } from './client-frames.ts';

/** Frames the server sends over the WebSocket. Every frame is one JSON object whose `op` names it. */

export const WelcomeFrameSchema = Type.Object({
  op: Type.Literal('welcome'),
  v: Type.Integer(),
  /** The stream id; send it back as `resume.stream` after a reconnect. */
  session: Identifier(),
  /**
   * Events on this connection follow with greater seqs: `seq + 1`, `seq + 2`, … on a single
   * node; in cluster mode the cluster stream's sequence, which skips events the client may not see.
   */
  seq: Type.Integer({ minimum: 0 }),
  /** The missed events of the resumed stream follow (seq > the client's resume seq). */
  resumed: Type.Boolean(),
  /** The client asked to resume but could not: drop local state; a fresh `snapshot` follows. */
  mustResync: Type.Boolean(),
  /** Seconds a disconnected stream is kept for resume (in cluster mode: the stream's retention). */
  resumeWindowSeconds: Type.Number({ minimum: 0 }),
  principal: Type.Object({
    userId: Identifier(),
    username: Username(),
    role: OneOf(ROLES),
    agentId: Nullable(Identifier()),
  }),
});
export type WelcomeFrame = Static<typeof WelcomeFrameSchema>;

export const ResultOkFrameSchema = Type.Object({
  op: Type.Literal('result'),
  id: FrameIdSchema,
  ok: Type.Literal(true),
  data: Type.Unknown(),
});
export const ResultErrorFrameSchema = Type.Object({
  op: Type.Literal('result'),
  id: FrameIdSchema,
  ok: Type.Literal(false),
  error: ErrorBodySchema,
});
export const ResultFrameSchema = Type.Union([ResultOkFrameSchema, ResultErrorFrameSchema]);
export type ResultFrame = Static<typeof ResultFrameSchema>;

/** One CTI event. `payload` matches the catalogue schema of `type`. */
export const EventFrameSchema = Type.Object({
  op: Type.Literal('event'),
  seq: Type.Integer({ minimum: 1 }),
  type: Type.String({ maxLength: 64 }),
  at: Timestamp(),
  pbx: Type.Optional(Identifier()),
  scope: EventScopeSchema,
  payload: Type.Unknown(),
});
export type EventFrame = Static<typeof EventFrameSchema>;

/** The state visible to the client. Events with a seq greater than `seq` apply on top of it. */
export const SnapshotFrameSchema = Type.Object({
  op: Type.Literal('snapshot'),
  seq: Type.Integer({ minimum: 0 }),
  state: StateSnapshotSchema,
});
export type SnapshotFrame = Static<typeof SnapshotFrameSchema>;

export const PongFrameSchema = Type.Object({
  op: Type.Literal('pong'),
  id: Type.Optional(FrameIdSchema),
  at: Timestamp(),
});
export type PongFrame = Static<typeof PongFrameSchema>;

/** An error not tied to a command (a malformed frame, for example). */
export const ErrorFrameSchema = Type.Composite([Type.Object({ op: Type.Literal('error') }), ErrorBodySchema]);
export type ErrorFrame = Static<typeof ErrorFrameSchema>;

/** Sent just before the server closes the socket: the close code and why. */
export const ByeFrameSchema = Type.Object({
  op: Type.Literal('bye'),
  /** The WebSocket close code that follows (see `CLOSE_CODES`). */
  closeCode: Type.Integer(),
  /** A stable error code, e.g. `CTI_ERR_SLOW_CONSUMER`. */
  code: Type.String({ maxLength: 64 }),
  message: SafeString({ maxLength: 1024 }),
});
export type ByeFrame = Static<typeof ByeFrameSchema>;

export const ServerFrameSchema = Type.Union([
  WelcomeFrameSchema,
  ResultOkFrameSchema,
  ResultErrorFrameSchema,
  EventFrameSchema,
  SnapshotFrameSchema,
  PongFrameSchema,
  ErrorFrameSchema,
  ByeFrameSchema,
]);
export type ServerFrame = Static<typeof ServerFrameSchema>;
