import { describe, expect, it } from 'vitest';
import { workstationWarnings } from '../../src/features/rest/workstation-warnings.ts';
import { cidrsOverlap, parseCidr } from '../../src/persistence/repositories/ip-match.ts';

const block = (text: string) => {
  const b = parseCidr(text);
  if (!b) throw new Error(`not a block: ${text}`);
  return b;
};
const codes = (desks: { id: string; name: string; ip: string | null }[]) =>
  Object.fromEntries([...workstationWarnings(desks)].map(([id, list]) => [id, list.map((w) => `${w.code}:${w.otherName}`)]));

describe('CIDR overlap', () => {
  it('sees IPv4 blocks that contain one another, and not neighbours', () => {
    expect(cidrsOverlap(block('10.1.0.0/16'), block('10.1.2.0/24'))).toBe(true);
    expect(cidrsOverlap(block('10.1.2.0/24'), block('10.1.0.0/16'))).toBe(true);
    expect(cidrsOverlap(block('10.1.2.0/24'), block('10.1.2.77'))).toBe(true);
    expect(cidrsOverlap(block('10.1.2.0/25'), block('10.1.2.128/25'))).toBe(false);
    expect(cidrsOverlap(block('10.1.2.5'), block('10.1.2.6'))).toBe(false);
  });

  it('sees IPv6 blocks, never across families, and an IPv4-mapped address as IPv4', () => {
    expect(cidrsOverlap(block('2001:db8::/32'), block('2001:db8:1::/48'))).toBe(true);
    expect(cidrsOverlap(block('2001:db8::/48'), block('2001:db8:1::/48'))).toBe(false);
    expect(cidrsOverlap(block('2001:db8::1'), block('2001:0db8:0:0::1'))).toBe(true);
    expect(cidrsOverlap(block('::ffff:10.0.0.5'), block('10.0.0.0/24'))).toBe(true);
    expect(cidrsOverlap(block('::/0'), block('10.0.0.0/8'))).toBe(false);
  });
});

describe('workstation warnings', () => {
  it('warns both desks that share an IP, whatever the spelling', () => {
    expect(
      codes([
        { id: 'a', name: 'Desk A', ip: '10.0.0.21' },
        { id: 'b', name: 'Desk B', ip: '10.0.0.21/32' },
        { id: 'c', name: 'Desk C', ip: '2001:db8::7' },
        { id: 'd', name: 'Desk D', ip: '2001:DB8:0::7' },
        { id: 'e', name: 'Desk E', ip: '10.0.0.22' },
        { id: 'f', name: 'Desk F', ip: null },
      ]),
    ).toEqual({ a: ['same-ip:Desk B'], b: ['same-ip:Desk A'], c: ['same-ip:Desk D'], d: ['same-ip:Desk C'] });
  });

  it('warns when a block overlaps another desk\'s block or address, IPv4 and IPv6', () => {
    expect(
      codes([
        { id: 'floor', name: 'Floor 2', ip: '10.2.0.0/16' },
        { id: 'row', name: 'Row 2B', ip: '10.2.3.0/24' },
        { id: 'desk', name: 'Desk 9', ip: '10.2.3.9' },
        { id: 'v6', name: 'Lab', ip: '2001:db8:aa::/48' },
        { id: 'v6desk', name: 'Lab desk', ip: '2001:db8:aa::15' },
        { id: 'apart', name: 'Annex', ip: '10.3.0.0/16' },
      ]),
    ).toEqual({
      floor: ['overlapping-ip:Row 2B', 'overlapping-ip:Desk 9'],
      row: ['overlapping-ip:Floor 2', 'overlapping-ip:Desk 9'],
      desk: ['overlapping-ip:Floor 2', 'overlapping-ip:Row 2B'],
      v6: ['overlapping-ip:Lab desk'],
      v6desk: ['overlapping-ip:Lab'],
    });
  });
});
