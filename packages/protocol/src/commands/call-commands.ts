import { Type } from '@sinclair/typebox';
import { Extension, Identifier, PhoneNumber, TransferDestination } from '../strings.ts';
import { defineCommand } from './define.ts';

const strict = { additionalProperties: false } as const;

/**
 * Acting on another agent's call: supervisors (their teams' agents), integrations (their
 * configured agents) and admins name the agent whose seat carries the call. Without it, the
 * caller's own seat is used, or else the agent who has the call.
 */
const OnBehalfOf = { agentId: Type.Optional(Identifier()) };
const CALL_AND_AGENT = { call: 'callId', agent: 'agentId' } as const;

/** Where a transfer goes: an extension, a phone number, or a queue by name. */
export const TransferTo = () => TransferDestination();

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
  description:
    'Transfer a call, blind (at once) or attended (consult first, then `call.completeTransfer`), to an extension, a number or a queue by name; checked against the configured transfer targets.',
  permission: 'call.control',
  target: 'scope',
  targetArgs: CALL_AND_AGENT,
  args: Type.Object(
    { callId: Identifier(), to: TransferTo(), mode: Type.Union([Type.Literal('blind'), Type.Literal('attended')]), ...OnBehalfOf },
    strict,
  ),
  example: { callId: '1718000000.42', to: 'sales', mode: 'blind' },
});

export const callCompleteTransfer = defineCommand({
  name: 'call.completeTransfer',
  description: 'Complete an attended transfer: connect the original caller to the consulted party.',
  permission: 'call.control',
  target: 'scope',
  targetArgs: CALL_AND_AGENT,
  args: Type.Object({ callId: Identifier(), ...OnBehalfOf }, strict),
  example: { callId: '1718000000.42' },
});

export const callHangup = defineCommand({
  name: 'call.hangup',
  description: 'Hang up a call.',
  permission: 'call.control',
  target: 'scope',
  targetArgs: CALL_AND_AGENT,
  args: Type.Object({ callId: Identifier(), ...OnBehalfOf }, strict),
  example: { callId: '1718000000.42' },
});

export const recordingStart = defineCommand({
  name: 'recording.start',
  description: "Start recording a call (MixMonitor on the agent's channel; the file name comes from the server's template).",
  permission: 'recording.control',
  target: 'scope',
  targetArgs: CALL_AND_AGENT,
  args: Type.Object({ callId: Identifier(), ...OnBehalfOf }, strict),
  example: { callId: '1718000000.42' },
});

export const recordingStop = defineCommand({
  name: 'recording.stop',
  description: 'Stop recording a call.',
  permission: 'recording.control',
  target: 'scope',
  targetArgs: CALL_AND_AGENT,
  args: Type.Object({ callId: Identifier(), ...OnBehalfOf }, strict),
  example: { callId: '1718000000.42' },
});

export const recordingPause = defineCommand({
  name: 'recording.pause',
  description: 'Pause a recording: the file keeps running, with silence until `recording.resume` (MixMonitorMute).',
  permission: 'recording.control',
  target: 'scope',
  targetArgs: CALL_AND_AGENT,
  args: Type.Object({ callId: Identifier(), ...OnBehalfOf }, strict),
  example: { callId: '1718000000.42' },
});

export const recordingResume = defineCommand({
  name: 'recording.resume',
  description: 'Resume a paused recording.',
  permission: 'recording.control',
  target: 'scope',
  targetArgs: CALL_AND_AGENT,
  args: Type.Object({ callId: Identifier(), ...OnBehalfOf }, strict),
  example: { callId: '1718000000.42' },
});
