import { CustomerCreateSchema, CustomerSchema, Nullable, SafeString } from '@amiable/protocol';
import { type Static, Type } from '@sinclair/typebox';

const Address = Nullable(SafeString({ maxLength: 500 }));

/** A customer as the protocol describes it, plus the postal address the directory (and its CSV import) keeps. */
export const CustomerEntitySchema = Type.Object({ ...CustomerSchema.properties, address: Address });
export type CustomerEntity = Static<typeof CustomerEntitySchema>;

const { id: _id, ...writable } = CustomerCreateSchema.properties;
/** The server picks customer ids. */
export const CustomerCreateBodySchema = Type.Object({ ...writable, address: Type.Optional(Address) }, { additionalProperties: false });
export type CustomerCreateBody = Static<typeof CustomerCreateBodySchema>;
export const CustomerUpdateBodySchema = Type.Partial(Type.Object({ ...writable, address: Address }), { additionalProperties: false });
export type CustomerUpdateBody = Static<typeof CustomerUpdateBodySchema>;
