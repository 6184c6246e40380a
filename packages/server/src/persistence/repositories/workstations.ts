/**
 * Workstations (free seating): a desk's phone extension, found from the
 * desktop's MAC address or IP. Matching order:
 *   1. exact MAC (normalised to lower-case aa:bb:cc:dd:ee:ff);
 *   2. the IP inside the most specific stored block (a plain IP is a /32 or /128,
 *      so an exact IP beats any CIDR; IPv4 and IPv6).
 */
import type { Selectable } from 'kysely';
import { InvalidRecordError, RecordNotFoundError } from '../errors.ts';
import type { WorkstationsTable } from '../schema.ts';
import { type RepositoryDeps, clockOf, definedOnly, guardUnique, newId } from './common.ts';
import { cidrContains, parseCidr, parseIp } from './ip-match.ts';

export interface Workstation {
  id: string;
  name: string;
  mac: string | null;
  /** An IP address or CIDR block. */
  ip: string | null;
  pbx: string;
  extension: string;
  createdAt: number;
  updatedAt: number;
}

export interface WorkstationInput {
  name: string;
  mac?: string | null;
  ip?: string | null;
  pbx: string;
  extension: string;
}

export interface WorkstationsRepository {
  create(input: WorkstationInput): Promise<Workstation>;
  get(id: string): Promise<Workstation | undefined>;
  list(): Promise<Workstation[]>;
  update(id: string, patch: Partial<WorkstationInput>): Promise<Workstation>;
  remove(id: string): Promise<boolean>;
  matchWorkstation(probe: { mac?: string | null; ip?: string | null }): Promise<Workstation | undefined>;
}

/** Lower-case, colon-separated; accepts '-', '.', ':' separators or none. */
export function normaliseMac(raw: string): string | undefined {
  const hex = raw.trim().toLowerCase().replace(/[-:.]/g, '');
  if (!/^[0-9a-f]{12}$/.test(hex)) return undefined;
  return hex.match(/../g)!.join(':');
}

function checkMac(mac: string | null | undefined): string | null | undefined {
  if (mac === undefined || mac === null || mac === '') return mac === '' ? null : mac;
  const value = normaliseMac(mac);
  if (value === undefined) throw new InvalidRecordError(`invalid MAC address ${mac}`, { mac });
  return value;
}

function checkIp(ip: string | null | undefined): string | null | undefined {
  if (ip === undefined || ip === null || ip === '') return ip === '' ? null : ip;
  if (parseCidr(ip) === undefined) throw new InvalidRecordError(`invalid IP address or CIDR ${ip}`, { ip });
  return ip.trim();
}

function toWorkstation(row: Selectable<WorkstationsTable>): Workstation {
  return {
    id: row.id,
    name: row.name,
    mac: row.mac,
    ip: row.ip,
    pbx: row.pbx,
    extension: row.extension,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function createWorkstationsRepository(deps: RepositoryDeps): WorkstationsRepository {
  const { db } = deps;
  const now = clockOf(deps);
  const repo: WorkstationsRepository = {
    async create(input) {
      const at = now();
      const row = {
        id: newId(),
        name: input.name.trim(),
        mac: checkMac(input.mac) ?? null,
        ip: checkIp(input.ip) ?? null,
        pbx: input.pbx,
        extension: input.extension,
        created_at: at,
        updated_at: at,
      };
      await guardUnique('workstation', 'name or mac', `${row.name} / ${row.mac ?? '-'}`, () =>
        db.insertInto('workstations').values(row).execute(),
      );
      return toWorkstation(row);
    },
    async get(id) {
      const row = await db.selectFrom('workstations').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toWorkstation(row);
    },
    async list() {
      return (await db.selectFrom('workstations').selectAll().orderBy('name').execute()).map(toWorkstation);
    },
    async update(id, patch) {
      const set = definedOnly({
        name: patch.name?.trim(),
        mac: checkMac(patch.mac),
        ip: checkIp(patch.ip),
        pbx: patch.pbx,
        extension: patch.extension,
      });
      const result = await guardUnique('workstation', 'name or mac', `${set.name ?? ''} / ${set.mac ?? ''}`, () =>
        db
          .updateTable('workstations')
          .set({ ...set, updated_at: now() })
          .where('id', '=', id)
          .executeTakeFirst(),
      );
      if (result.numUpdatedRows === 0n) throw new RecordNotFoundError('workstation', id);
      return (await repo.get(id))!;
    },
    async remove(id) {
      const result = await db.deleteFrom('workstations').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async matchWorkstation(probe) {
      const mac = probe.mac ? normaliseMac(probe.mac) : undefined;
      if (mac !== undefined) {
        const row = await db.selectFrom('workstations').selectAll().where('mac', '=', mac).executeTakeFirst();
        if (row !== undefined) return toWorkstation(row);
      }
      const ip = probe.ip ? parseIp(probe.ip) : undefined;
      if (ip === undefined) return undefined;
      // Workstations are a small table (one row per desk): match blocks in memory.
      const rows = await db.selectFrom('workstations').selectAll().where('ip', 'is not', null).execute();
      let best: { row: Selectable<WorkstationsTable>; prefix: number } | undefined;
      for (const row of rows) {
        const block = parseCidr(row.ip!);
        if (block === undefined || !cidrContains(block, ip)) continue;
        if (best === undefined || block.prefix > best.prefix) best = { row, prefix: block.prefix };
      }
      return best && toWorkstation(best.row);
    },
  };
  return repo;
}
