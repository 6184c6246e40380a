import type { CommandName } from '@amiable/protocol';

/**
 * Friendly REST paths for commands. Each one takes the command's arguments as its JSON body;
 * path parameters fill the arguments named in `params` (path name → argument name).
 */
export interface CommandAlias {
  url: string;
  command: CommandName;
  params?: Readonly<Record<string, string>>;
  summary: string;
}

const agent = (url: string, command: CommandName, summary: string): CommandAlias => ({
  url: `/api/agents/me/${url}`,
  command,
  summary,
});
const supervise = (url: string, command: CommandName, summary: string): CommandAlias => ({
  url: `/api/supervisor/agents/:agentId/${url}`,
  command,
  params: { agentId: 'agentId' },
  summary,
});
const call = (url: string, command: CommandName, summary: string): CommandAlias => ({
  url: `/api/calls/:callId/${url}`,
  command,
  params: { callId: 'callId' },
  summary,
});

export const COMMAND_ALIASES: readonly CommandAlias[] = [
  agent('sign-in', 'agent.signIn', 'Sign in at an extension or workstation'),
  agent('sign-out', 'agent.signOut', 'Sign out'),
  agent('ready', 'agent.ready', 'Become ready'),
  agent('pause', 'agent.pause', 'Pause with a reason'),
  agent('pause-after-call', 'agent.pauseAfterCall', 'Pause when the current call ends'),
  agent('wrapup/end', 'agent.endWrapup', 'End wrap-up now'),
  agent('queues/join', 'queue.join', 'Join a queue'),
  agent('queues/leave', 'queue.leave', 'Leave a queue'),
  { url: '/api/calls/originate', command: 'call.originate', summary: 'Click-to-dial' },
  call('transfer', 'call.transfer', 'Transfer a call (blind or attended)'),
  call('complete-transfer', 'call.completeTransfer', 'Complete an attended transfer'),
  call('hangup', 'call.hangup', 'Hang up a call'),
  call('recording/start', 'recording.start', 'Start recording a call'),
  call('recording/stop', 'recording.stop', 'Stop recording a call'),
  call('recording/pause', 'recording.pause', 'Pause the recording of a call (silence until resumed)'),
  call('recording/resume', 'recording.resume', 'Resume the recording of a call'),
  supervise('listen', 'supervisor.listen', "Listen to an agent's call"),
  supervise('whisper', 'supervisor.whisper', 'Whisper to an agent'),
  supervise('barge', 'supervisor.barge', "Barge into an agent's call"),
  supervise('force-ready', 'supervisor.forceReady', 'Make an agent ready'),
  supervise('force-pause', 'supervisor.forcePause', 'Pause an agent'),
  supervise('force-sign-out', 'supervisor.forceSignOut', 'Sign an agent out'),
  supervise('move', 'supervisor.moveAgent', 'Move an agent from one queue to another'),
  supervise('move-desk', 'supervisor.moveDesk', 'Move a signed-in agent to another registered desk'),
];
