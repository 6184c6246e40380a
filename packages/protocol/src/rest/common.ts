import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { Identifier, Timestamp } from '../strings.ts';

/** `:id` path parameter. */
export const IdParamsSchema = Type.Object({ id: Identifier() });
export type IdParams = Static<typeof IdParamsSchema>;

/** Paging of list endpoints. */
export const ListQuerySchema = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});
export type ListQuery = Static<typeof ListQuerySchema>;

/** A page of a list. */
export function PageSchema<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), total: Type.Integer({ minimum: 0 }) });
}
export interface Page<T> {
  items: T[];
  total: number;
}

export const NodeHealthSchema = Type.Object({
  id: Type.String({ maxLength: 64 }),
  /** PBXs whose AMI connection this node owns, with the age of its lease. */
  owned: Type.Array(Type.Object({ pbx: Identifier(), leaseAgeMs: Type.Number({ minimum: 0 }) })),
  owners: Type.Array(Type.Object({ pbx: Identifier(), node: Type.Union([Type.String({ maxLength: 64 }), Type.Null()]) })),
  members: Type.Array(Type.Object({ node: Type.String({ maxLength: 64 }), owned: Type.Array(Identifier()) })),
  /** CTI events in the stream not yet delivered to this node's router. */
  consumerLag: Type.Integer({ minimum: 0 }),
  /** Database writes (call records, timesheet, archive) published by the owners and not yet written by the cluster's writer. */
  writerLag: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type NodeHealth = Static<typeof NodeHealthSchema>;

export const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  version: Type.String({ maxLength: 64 }),
  protocol: Type.Integer(),
  uptimeSeconds: Type.Number({ minimum: 0 }),
  at: Timestamp(),
  pbx: Type.Array(Type.Object({ pbx: Identifier(), state: Type.String({ maxLength: 32 }) })),
  /** The database writes: 'spooling' while they wait in the disk spool (then status is 'degraded'). */
  storage: Type.Optional(
    Type.Object({
      status: Type.Union([Type.Literal('ok'), Type.Literal('spooling')]),
      /** Records waiting in the spool (an archive record is one batch of events). */
      backlog: Type.Integer({ minimum: 0 }),
      backlogBytes: Type.Integer({ minimum: 0 }),
      maxBytes: Type.Integer({ minimum: 0 }),
      /** Records dropped because the spool was full: raw AMI first, never call records or timesheet rows. */
      dropped: Type.Object({ ami: Type.Integer(), cti: Type.Integer(), records: Type.Integer() }),
    }),
  ),
  /** Cluster mode only: this node, the PBXs it owns, the owner of each PBX and the members. */
  node: Type.Optional(NodeHealthSchema),
});
export type Health = Static<typeof HealthSchema>;
