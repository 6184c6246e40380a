import type { ConnectionState } from '@amiable/sdk';

/**
 * What the agent desk says of its link to the server:
 * - `online`: connected, and the state on screen was confirmed by the server;
 * - `offline`: the live connection is down (the server cannot be reached);
 * - `confirming`: connected again, waiting for the fresh snapshot that confirms the state.
 * The first connection of the page is not "offline": nothing was shown yet.
 */
export type DeskLink = 'online' | 'offline' | 'confirming';

export function deskLink(input: { connection: ConnectionState; confirmed: boolean; everConfirmed: boolean }): DeskLink {
  if (input.connection === 'reconnecting' || input.connection === 'closed') return 'offline';
  if (input.confirmed || !input.everConfirmed) return 'online';
  return input.connection === 'open' ? 'confirming' : 'offline';
}
