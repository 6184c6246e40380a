import { type Static, Type } from '@sinclair/typebox';
import { Identifier, PhoneNumber, SafeString, Url } from '../strings.ts';

/** A customer record, matched by phone number for screen-pops. */
export const CustomerSchema = Type.Object({
  id: Identifier(),
  name: SafeString({ maxLength: 200 }),
  company: Type.Union([SafeString({ maxLength: 200 }), Type.Null()]),
  phoneNumbers: Type.Array(PhoneNumber(), { maxItems: 20 }),
  email: Type.Union([SafeString({ maxLength: 254 }), Type.Null()]),
  language: Type.Union([SafeString({ maxLength: 16 }), Type.Null()]),
  notes: Type.Union([SafeString({ maxLength: 4000 }), Type.Null()]),
  externalUrl: Type.Union([Url(), Type.Null()]),
});
export type Customer = Static<typeof CustomerSchema>;

export const CustomerCreateSchema = Type.Object(
  {
    id: Type.Optional(Identifier()),
    name: SafeString({ maxLength: 200 }),
    company: Type.Optional(Type.Union([SafeString({ maxLength: 200 }), Type.Null()])),
    phoneNumbers: Type.Array(PhoneNumber(), { maxItems: 20 }),
    email: Type.Optional(Type.Union([SafeString({ maxLength: 254 }), Type.Null()])),
    language: Type.Optional(Type.Union([SafeString({ maxLength: 16 }), Type.Null()])),
    notes: Type.Optional(Type.Union([SafeString({ maxLength: 4000 }), Type.Null()])),
    externalUrl: Type.Optional(Type.Union([Url(), Type.Null()])),
  },
  { additionalProperties: false },
);
export type CustomerCreate = Static<typeof CustomerCreateSchema>;

export const CustomerUpdateSchema = Type.Partial(Type.Omit(CustomerCreateSchema, ['id']), {
  additionalProperties: false,
});
export type CustomerUpdate = Static<typeof CustomerUpdateSchema>;

/** The slice of a customer record carried by `call.ringing`. */
export const CustomerSummarySchema = Type.Object({
  id: Identifier(),
  name: SafeString({ maxLength: 200 }),
  company: Type.Union([SafeString({ maxLength: 200 }), Type.Null()]),
  language: Type.Union([SafeString({ maxLength: 16 }), Type.Null()]),
  externalUrl: Type.Union([Url(), Type.Null()]),
});
export type CustomerSummary = Static<typeof CustomerSummarySchema>;
