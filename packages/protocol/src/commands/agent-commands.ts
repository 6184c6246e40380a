import { Type } from '@sinclair/typebox';
import { Extension, Identifier, IpAddress, MacAddress, QueueName, ReasonCode } from '../strings.ts';
import { defineCommand } from './define.ts';

/** Optional on self commands: names another agent (supervisors, integrations, admins only). */
const OnBehalfOf = { agentId: Type.Optional(Identifier()) };
const strict = { additionalProperties: false } as const;
const SELF = { agent: 'agentId' } as const;

export const agentSignIn = defineCommand({
  name: 'agent.signIn',
  description: 'Sign the agent in at an extension (or at the workstation identified by MAC or IP) and join their queues.',
  permission: 'agent.control',
  target: 'self',
  targetArgs: { ...SELF, extension: 'extension' },
  args: Type.Object(
    {
      ...OnBehalfOf,
      extension: Type.Optional(Extension()),
      workstation: Type.Optional(
        Type.Object({ mac: Type.Optional(MacAddress()), ip: Type.Optional(IpAddress()) }, strict),
      ),
    },
    strict,
  ),
  example: { extension: '1001', workstation: { mac: '00:11:22:aa:bb:cc', ip: '10.0.0.21' } },
});

export const agentSignOut = defineCommand({
  name: 'agent.signOut',
  description: 'Sign the agent out: leave every queue and end the session.',
  permission: 'agent.control',
  target: 'self',
  targetArgs: SELF,
  args: Type.Object({ ...OnBehalfOf }, strict),
  example: {},
});

export const agentReady = defineCommand({
  name: 'agent.ready',
  description: 'Make the agent ready: unpause in every queue.',
  permission: 'agent.control',
  target: 'self',
  targetArgs: SELF,
  args: Type.Object({ ...OnBehalfOf }, strict),
  example: {},
});

export const agentPause = defineCommand({
  name: 'agent.pause',
  description: 'Pause the agent in every queue with a reason code.',
  permission: 'agent.control',
  target: 'self',
  targetArgs: SELF,
  args: Type.Object({ ...OnBehalfOf, reason: ReasonCode() }, strict),
  example: { reason: 'lunch' },
});

export const agentPauseAfterCall = defineCommand({
  name: 'agent.pauseAfterCall',
  description: 'Ask to be paused (with a reason) when the current call and its wrap-up end, or cancel that.',
  permission: 'agent.control',
  target: 'self',
  targetArgs: SELF,
  args: Type.Object({ ...OnBehalfOf, enabled: Type.Boolean(), reason: Type.Optional(ReasonCode()) }, strict),
  example: { enabled: true, reason: 'break' },
});

export const agentEndWrapup = defineCommand({
  name: 'agent.endWrapup',
  description: 'End wrap-up now and become ready (or paused, if pause-after-call was asked).',
  permission: 'agent.control',
  target: 'self',
  targetArgs: SELF,
  args: Type.Object({ ...OnBehalfOf }, strict),
  example: {},
});

export const queueJoin = defineCommand({
  name: 'queue.join',
  description: 'Add the agent to a queue.',
  permission: 'agent.control',
  target: 'self',
  targetArgs: { ...SELF, queues: ['queue'] },
  args: Type.Object({ ...OnBehalfOf, queue: QueueName(), penalty: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })) }, strict),
  example: { queue: 'lang-en' },
});

export const queueLeave = defineCommand({
  name: 'queue.leave',
  description: 'Remove the agent from a queue.',
  permission: 'agent.control',
  target: 'self',
  targetArgs: { ...SELF, queues: ['queue'] },
  args: Type.Object({ ...OnBehalfOf, queue: QueueName() }, strict),
  example: { queue: 'lang-en' },
});
