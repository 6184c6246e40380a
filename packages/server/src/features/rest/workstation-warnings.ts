/**
 * Warnings about workstations whose addresses collide: two desks with the same IP (or the same
 * block), or a block that overlaps another desk's address or block. Sign-in still works (the most
 * specific block wins, and between equal ones the first stored), so these are warnings for the
 * admin, not refusals. IPv4 and IPv6; an IPv4-mapped IPv6 address counts as its IPv4 address.
 */
import { type Cidr, cidrsOverlap, parseCidr } from '../../persistence/repositories/ip-match.ts';

export type WorkstationWarningCode = 'same-ip' | 'overlapping-ip';

export interface WorkstationWarning {
  code: WorkstationWarningCode;
  /** The other workstation. */
  otherId: string;
  otherName: string;
  otherIp: string;
}

interface Desk {
  id: string;
  name: string;
  ip: string | null;
}

/** The warnings of each workstation, keyed by id (workstations without any are absent). */
export function workstationWarnings(desks: readonly Desk[]): Map<string, WorkstationWarning[]> {
  const blocks = desks.flatMap((d) => {
    const block = d.ip ? parseCidr(d.ip) : undefined;
    return block ? [{ desk: d, block }] : [];
  });
  const out = new Map<string, WorkstationWarning[]>();
  const add = (desk: Desk, other: Desk, code: WorkstationWarningCode) => {
    const list = out.get(desk.id) ?? [];
    list.push({ code, otherId: other.id, otherName: other.name, otherIp: other.ip ?? '' });
    out.set(desk.id, list);
  };
  for (let i = 0; i < blocks.length; i++) {
    for (let j = i + 1; j < blocks.length; j++) {
      const a = blocks[i] as { desk: Desk; block: Cidr };
      const b = blocks[j] as { desk: Desk; block: Cidr };
      if (!cidrsOverlap(a.block, b.block)) continue;
      const code = sameBlock(a.block, b.block) ? 'same-ip' : 'overlapping-ip';
      add(a.desk, b.desk, code);
      add(b.desk, a.desk, code);
    }
  }
  return out;
}

function sameBlock(a: Cidr, b: Cidr): boolean {
  return a.family === b.family && a.prefix === b.prefix && a.base === b.base;
}
