import { type Static, Type } from '@sinclair/typebox';
import { Extension, Identifier, QueueName, Secret } from '../strings.ts';

/**
 * Frames a client sends over the WebSocket (`/api/ws`). Every frame is one JSON object whose `op`
 * names it. The first frame must be `hello`; anything else before it closes the socket with 4001.
 */

const strict = { additionalProperties: false } as const;
/** A frame id chosen by the client, echoed in the matching `result`. */
export const FrameIdSchema = Type.String({ pattern: '^[A-Za-z0-9_.:-]+$', minLength: 1, maxLength: 64 });

export const ResumePointSchema = Type.Object(
  {
    /** The `session` of the stream to resume, from an earlier `welcome`. */
    stream: Identifier(),
    /** The `seq` of the last event the client processed. */
    seq: Type.Integer({ minimum: 0 }),
  },
  strict,
);
export type ResumePoint = Static<typeof ResumePointSchema>;

export const HelloFrameSchema = Type.Object(
  {
    op: Type.Literal('hello'),
    /** The protocol version the client speaks (`PROTOCOL_VERSION`). */
    v: Type.Integer({ minimum: 1 }),
    /** An access token from `POST /api/auth/login`, or an API key. */
    token: Secret(),
    resume: Type.Optional(ResumePointSchema),
  },
  strict,
);
export type HelloFrame = Static<typeof HelloFrameSchema>;

/**
 * Narrows what the client receives. Without a `subscribe`, a client receives every event it may
 * see. With one, an event must also match the filter: its type in `types` (when given) and, when
 * any of `extensions`, `queues`, `agents` is given, one of its scope keys in them. PBX-wide events
 * (`pbx.connection`, `resync`) pass every key filter. A filter never widens what a client may see.
 */
export const SubscriptionFilterSchema = Type.Object(
  {
    extensions: Type.Optional(Type.Array(Extension(), { maxItems: 1000 })),
    queues: Type.Optional(Type.Array(QueueName(), { maxItems: 1000 })),
    agents: Type.Optional(Type.Array(Identifier(), { maxItems: 1000 })),
    types: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z][a-zA-Z.]*$', maxLength: 64 }), { maxItems: 100 })),
  },
  strict,
);
export type SubscriptionFilter = Static<typeof SubscriptionFilterSchema>;

export const SubscribeFrameSchema = Type.Object(
  { op: Type.Literal('subscribe'), id: Type.Optional(FrameIdSchema), filter: SubscriptionFilterSchema },
  strict,
);
export type SubscribeFrame = Static<typeof SubscribeFrameSchema>;

export const CommandFrameSchema = Type.Object(
  {
    op: Type.Literal('command'),
    id: FrameIdSchema,
    /** A name from the command catalogue. */
    name: Type.String({ pattern: '^[a-z][a-zA-Z.]*$', maxLength: 64 }),
    /** Validated against the command's schema from the catalogue. */
    args: Type.Optional(Type.Unknown()),
  },
  strict,
);
export type CommandFrame = Static<typeof CommandFrameSchema>;

export const PingFrameSchema = Type.Object({ op: Type.Literal('ping'), id: Type.Optional(FrameIdSchema) }, strict);
export type PingFrame = Static<typeof PingFrameSchema>;

export const ClientFrameSchema = Type.Union([HelloFrameSchema, SubscribeFrameSchema, CommandFrameSchema, PingFrameSchema]);
export type ClientFrame = Static<typeof ClientFrameSchema>;
export const CLIENT_FRAME_OPS = ['hello', 'subscribe', 'command', 'ping'] as const;
