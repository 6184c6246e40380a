import { Type } from '@sinclair/typebox';
import { Identifier, QueueName, ReasonCode } from '../strings.ts';
import { defineCommand } from './define.ts';

const strict = { additionalProperties: false } as const;
const AGENT = { agent: 'agentId' } as const;
const agentOnly = () => Type.Object({ agentId: Identifier() }, strict);

export const supervisorListen = defineCommand({
  name: 'supervisor.listen',
  description: "Listen to an agent's current call (the agent and the caller do not hear the supervisor).",
  permission: 'supervisor.monitor',
  target: 'team',
  targetArgs: AGENT,
  args: agentOnly(),
  example: { agentId: 'agent-1001' },
});

export const supervisorWhisper = defineCommand({
  name: 'supervisor.whisper',
  description: "Speak to the agent on their current call; the caller does not hear the supervisor.",
  permission: 'supervisor.monitor',
  target: 'team',
  targetArgs: AGENT,
  args: agentOnly(),
  example: { agentId: 'agent-1001' },
});

export const supervisorBarge = defineCommand({
  name: 'supervisor.barge',
  description: "Join the agent's current call; everybody hears everybody.",
  permission: 'supervisor.monitor',
  target: 'team',
  targetArgs: AGENT,
  args: agentOnly(),
  example: { agentId: 'agent-1001' },
});

export const supervisorForceReady = defineCommand({
  name: 'supervisor.forceReady',
  description: 'Make an agent ready (unpause, or end wrap-up).',
  permission: 'supervisor.manage',
  target: 'team',
  targetArgs: AGENT,
  args: agentOnly(),
  example: { agentId: 'agent-1001' },
});

export const supervisorForcePause = defineCommand({
  name: 'supervisor.forcePause',
  description: 'Pause an agent with a reason code.',
  permission: 'supervisor.manage',
  target: 'team',
  targetArgs: AGENT,
  args: Type.Object({ agentId: Identifier(), reason: ReasonCode() }, strict),
  example: { agentId: 'agent-1001', reason: 'coaching' },
});

export const supervisorForceSignOut = defineCommand({
  name: 'supervisor.forceSignOut',
  description: 'Sign an agent out of every queue and end their session.',
  permission: 'supervisor.manage',
  target: 'team',
  targetArgs: AGENT,
  args: agentOnly(),
  example: { agentId: 'agent-1001' },
});

export const supervisorMoveAgent = defineCommand({
  name: 'supervisor.moveAgent',
  description: 'Move an agent from one queue to another.',
  permission: 'supervisor.manage',
  target: 'team',
  targetArgs: { ...AGENT, queues: ['fromQueue', 'toQueue'] },
  args: Type.Object({ agentId: Identifier(), fromQueue: QueueName(), toQueue: QueueName() }, strict),
  example: { agentId: 'agent-1001', fromQueue: 'lang-en', toQueue: 'lang-fr' },
});

export const supervisorMoveDesk = defineCommand({
  name: 'supervisor.moveDesk',
  description:
    "Move a signed-in agent to another registered desk (workstation): signed out of the queues at the old desk's extension, signed in at the new one's, in one step.",
  permission: 'supervisor.manage',
  target: 'team',
  targetArgs: AGENT,
  args: Type.Object({ agentId: Identifier(), workstationId: Identifier() }, strict),
  example: { agentId: 'agent-1001', workstationId: 'desk-12' },
});
