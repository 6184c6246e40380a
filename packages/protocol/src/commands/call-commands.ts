import { Type } from '@sinclair/typebox';
import { Extension, Identifier, PhoneNumber } from '../strings.ts';
import { defineCommand } from './define.ts';

const strict = { additionalProperties: false } as const;

export const callOriginate = defineCommand({
  name: 'call.originate',
  description: "Click-to-dial: ring the caller's extension (`from`, default: their own) and connect it to `to`.",
  permission: 'call.control',
  target: 'scope',
  targetArgs: { extension: 'from' },
  args: Type.Object({ to: PhoneNumber(), from: Type.Optional(Extension()) }, strict),
  example: { to: '+44 20 7946 0000', from: '1001' },
});

export const callTransfer = defineCommand({
  name: 'call.transfer',
  description: 'Transfer a call, blind (at once) or attended (consult first, then `call.completeTransfer`).',
  permission: 'call.control',
  target: 'scope',
  targetArgs: { call: 'callId' },
  args: Type.Object(
    { callId: Identifier(), to: PhoneNumber(), mode: Type.Union([Type.Literal('blind'), Type.Literal('attended')]) },
    strict,
  ),
  example: { callId: '1718000000.42', to: '1002', mode: 'blind' },
});

export const callCompleteTransfer = defineCommand({
  name: 'call.completeTransfer',
  description: 'Complete an attended transfer: connect the original caller to the consulted party.',
  permission: 'call.control',
  target: 'scope',
  targetArgs: { call: 'callId' },
  args: Type.Object({ callId: Identifier() }, strict),
  example: { callId: '1718000000.42' },
});

export const callHangup = defineCommand({
  name: 'call.hangup',
  description: 'Hang up a call.',
  permission: 'call.control',
  target: 'scope',
  targetArgs: { call: 'callId' },
  args: Type.Object({ callId: Identifier() }, strict),
  example: { callId: '1718000000.42' },
});

export const recordingStart = defineCommand({
  name: 'recording.start',
  description: 'Start recording a call.',
  permission: 'recording.control',
  target: 'scope',
  targetArgs: { call: 'callId' },
  args: Type.Object({ callId: Identifier() }, strict),
  example: { callId: '1718000000.42' },
});

export const recordingStop = defineCommand({
  name: 'recording.stop',
  description: 'Stop recording a call.',
  permission: 'recording.control',
  target: 'scope',
  targetArgs: { call: 'callId' },
  args: Type.Object({ callId: Identifier() }, strict),
  example: { callId: '1718000000.42' },
});
