import type { CtiEvent } from '@amiable/protocol';
import { eventScope } from '@amiable/protocol';

export const CTI_STREAM = 'AMIABLE_CTI';
export const AMI_STREAM = 'AMIABLE_AMI';
export const LEASE_BUCKET = 'amiable_pbx_leases';
export const MEMBER_BUCKET = 'amiable_nodes';
export const LOGIN_KNOWN_BUCKET = 'amiable_login_known';
/** The rows to write to the database (call records, timesheet, presence, archive batches), and their shared writer. */
export const WRITE_STREAM = 'AMIABLE_WRITES';
export const WRITER_CONSUMER = 'amiable_writer';
export const WRITE_RECORD_SUBJECT = 'writes.record';
export const WRITE_ARCHIVE_SUBJECT = 'writes.archive';

/** A subject token: anything outside [A-Za-z0-9_-] is escaped as ~XX. */
export function token(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, (c) => `~${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** `cti.<pbx>.<scope-kind>.<key>.<type>`: the narrowest scope the event declares picks the kind. */
export function ctiSubject(event: CtiEvent): string {
  const scope = event.scope ?? eventScope(event.type, event.payload, event.pbx);
  const [kind, key] = scope.agent
    ? ['agent', scope.agent]
    : scope.extension
      ? ['extension', scope.extension]
      : scope.queue
        ? ['queue', scope.queue]
        : ['pbx', event.pbx ?? '_'];
  return `cti.${token(event.pbx ?? '_')}.${kind}.${token(key)}.${event.type}`;
}

/** The CTI stream's subjects: one wildcard per PBX, plus `_` for events without one. */
export function ctiStreamSubjects(pbxs: readonly string[]): string[] {
  return [...pbxs.map((p) => `cti.${token(p)}.>`), 'cti._.>'];
}

/** `ami.<pbx>.<Event>` for raw AMI events. */
export function amiSubject(pbx: string, event: string | undefined): string {
  return `ami.${token(pbx)}.${token(event ?? 'Response')}`;
}

/** Commands for the owner of a PBX, by request/reply. */
export function commandSubject(pbx: string): string {
  return `cti.cmd.${token(pbx)}`;
}

/** Actions of the AMI-compatible port for the owner of a PBX, by request/reply. */
export function amiActionSubject(pbx: string): string {
  return `amiport.action.${token(pbx)}`;
}
