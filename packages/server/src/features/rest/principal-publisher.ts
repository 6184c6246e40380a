/**
 * Maps a directory write to the principal change it implies, so that open connections follow it:
 * an agent profile (extensions, skills) re-reads that user; a team or skill→queue mapping may change
 * anyone's scope; an API key's scope lives on its integration user. User writes are published by
 * the users store itself (it knows a password change from a role change).
 */
import type { CrudChange } from '../../gateway/http/crud-routes.ts';
import type { PrincipalChange } from '../../identity/principal-changes.ts';

export function principalChangeOf(resource: string, change: CrudChange<unknown>, at: number): PrincipalChange | undefined {
  switch (resource) {
    case 'agent':
      return change.op === 'create' ? undefined : { kind: 'user.changed', userId: change.id, at };
    case 'team':
    case 'skill-queue':
      return { kind: 'directory.changed', at };
    case 'skill':
      return change.op === 'remove' ? { kind: 'directory.changed', at } : undefined;
    case 'api-key': {
      if (change.op === 'create') return undefined;
      const key = change.entity as { disabled?: boolean; userId?: string } | undefined;
      if (change.op === 'remove' || key?.disabled) return { kind: 'api-key.revoked', apiKeyId: change.id, at };
      // Every key of the integration user shares its scope.
      return key?.userId ? { kind: 'user.changed', userId: key.userId, at } : { kind: 'api-key.changed', apiKeyId: change.id, at };
    }
    default:
      return undefined;
  }
}
