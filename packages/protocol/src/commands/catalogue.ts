import type { Static } from '@sinclair/typebox';
import {
  agentEndWrapup,
  agentPause,
  agentPauseAfterCall,
  agentReady,
  agentSignIn,
  agentSignOut,
  queueJoin,
  queueLeave,
} from './agent-commands.ts';
import {
  callCompleteTransfer,
  callHangup,
  callOriginate,
  callTransfer,
  recordingPause,
  recordingResume,
  recordingStart,
  recordingStop,
} from './call-commands.ts';
import type { CommandDefinition } from './define.ts';
import {
  supervisorBarge,
  supervisorForcePause,
  supervisorForceReady,
  supervisorForceSignOut,
  supervisorListen,
  supervisorMoveAgent,
  supervisorMoveDesk,
  supervisorWhisper,
} from './supervisor-commands.ts';

/** The command catalogue: every command a client can send, over REST or WebSocket. */
export const COMMAND_CATALOGUE = {
  'agent.signIn': agentSignIn,
  'agent.signOut': agentSignOut,
  'agent.ready': agentReady,
  'agent.pause': agentPause,
  'agent.pauseAfterCall': agentPauseAfterCall,
  'agent.endWrapup': agentEndWrapup,
  'queue.join': queueJoin,
  'queue.leave': queueLeave,
  'call.originate': callOriginate,
  'call.transfer': callTransfer,
  'call.completeTransfer': callCompleteTransfer,
  'call.hangup': callHangup,
  'supervisor.listen': supervisorListen,
  'supervisor.whisper': supervisorWhisper,
  'supervisor.barge': supervisorBarge,
  'supervisor.forceReady': supervisorForceReady,
  'supervisor.forcePause': supervisorForcePause,
  'supervisor.forceSignOut': supervisorForceSignOut,
  'supervisor.moveAgent': supervisorMoveAgent,
  'supervisor.moveDesk': supervisorMoveDesk,
  'recording.start': recordingStart,
  'recording.stop': recordingStop,
  'recording.pause': recordingPause,
  'recording.resume': recordingResume,
} as const;

export type CommandName = keyof typeof COMMAND_CATALOGUE;
export const COMMAND_NAMES = Object.keys(COMMAND_CATALOGUE) as CommandName[];

/** The argument type of each command. */
export type CommandArgsMap = { [K in CommandName]: Static<(typeof COMMAND_CATALOGUE)[K]['args']> };
export type CommandArgs<K extends CommandName> = CommandArgsMap[K];

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMAND_CATALOGUE, name);
}

export function commandDefinition(name: string): CommandDefinition | undefined {
  return isCommandName(name) ? COMMAND_CATALOGUE[name] : undefined;
}
