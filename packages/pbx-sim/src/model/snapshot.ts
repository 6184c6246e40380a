import type { Pairs } from '../ami/event-bus.ts';
import { escapeC } from '../util/format.ts';
import type { Bridge } from './bridge.ts';
import { type Channel, stateDesc } from './channel.ts';

const unknown = (v: string) => (v === '' ? '<unknown>' : v);

/**
 * The channel snapshot block (ast_manager_build_channel_state_string_prefix):
 * Channel … Linkedid, each key optionally prefixed (Dest, LocalOne, Transferer…).
 */
export function cs(ch: Channel, prefix = ''): Pairs {
  return [
    [`${prefix}Channel`, ch.name],
    [`${prefix}ChannelState`, String(ch.state)],
    [`${prefix}ChannelStateDesc`, stateDesc(ch.state)],
    [`${prefix}CallerIDNum`, unknown(ch.callerNum)],
    [`${prefix}CallerIDName`, unknown(escapeC(ch.callerName))],
    [`${prefix}ConnectedLineNum`, unknown(ch.connNum)],
    [`${prefix}ConnectedLineName`, unknown(escapeC(ch.connName))],
    [`${prefix}Language`, ch.language],
    [`${prefix}AccountCode`, ch.accountCode],
    [`${prefix}Context`, ch.context],
    [`${prefix}Exten`, ch.exten],
    [`${prefix}Priority`, String(ch.priority)],
    [`${prefix}Uniqueid`, ch.uniqueid],
    [`${prefix}Linkedid`, ch.linkedid],
  ];
}

/** The bridge snapshot block (ast_manager_build_bridge_state_string_prefix). */
export function bs(b: Bridge, prefix = '', numChannels = b.channels.length): Pairs {
  return [
    [`${prefix}BridgeUniqueid`, b.uniqueid],
    [`${prefix}BridgeType`, b.type],
    [`${prefix}BridgeTechnology`, b.technology],
    [`${prefix}BridgeCreator`, '<unknown>'],
    [`${prefix}BridgeName`, '<unknown>'],
    [`${prefix}BridgeNumChannels`, String(numChannels)],
    [`${prefix}BridgeVideoSourceMode`, 'none'],
  ];
}
