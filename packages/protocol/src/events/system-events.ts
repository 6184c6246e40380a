import { Type } from '@sinclair/typebox';
import { Identifier, Nullable, OneOf, SafeString, Timestamp } from '../strings.ts';
import { defineEvent } from './define.ts';

/** The states of the AMI connection to one Asterisk. */
export const PBX_CONNECTION_STATES = [
  'idle',
  'connecting',
  'authenticating',
  'resyncing',
  'ready',
  'reconnecting',
  'closed',
] as const;
export type PbxConnectionState = (typeof PBX_CONNECTION_STATES)[number];

export const pbxConnectionEvent = defineEvent({
  type: 'pbx.connection',
  description: 'The connection to an Asterisk changed state.',
  permission: 'pbx.read',
  scopeFields: {},
  payload: Type.Object({
    pbx: Identifier(),
    state: OneOf(PBX_CONNECTION_STATES),
    since: Timestamp(),
    error: Nullable(Type.Object({ code: SafeString({ maxLength: 64 }), message: SafeString({ maxLength: 1024 }) })),
  }),
});

export const resyncEvent = defineEvent({
  type: 'resync',
  description: 'The server rebuilt its state (after a reconnect to Asterisk): fetch a fresh snapshot.',
  permission: 'pbx.read',
  scopeFields: {},
  payload: Type.Object({
    pbx: Nullable(Identifier()),
    reason: SafeString({ maxLength: 256 }),
  }),
});
