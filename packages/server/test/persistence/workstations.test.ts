import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cidrContains, parseCidr, parseIp } from '../../src/persistence/repositories/ip-match.ts';
import { normaliseMac } from '../../src/persistence/repositories/workstations.ts';
import { type TestDatabase, dialects, openTestDatabase } from './test-database.ts';

describe('IP and CIDR matching', () => {
  it('parses IPv4, IPv6 with ::, embedded IPv4 and IPv4-mapped addresses', () => {
    expect(parseIp('10.1.2.3')).toEqual({ family: 4, value: 0x0a010203n });
    expect(parseIp('::ffff:10.1.2.3')).toEqual({ family: 4, value: 0x0a010203n });
    expect(parseIp('2001:db8::1')).toEqual({ family: 6, value: (0x20010db8n << 96n) | 1n });
    expect(parseIp('[fe80::1%eth0]')).toEqual({ family: 6, value: (0xfe80n << 112n) | 1n });
    expect(parseIp('64:ff9b::192.0.2.33')?.value).toBe((0x64n << 112n) | (0xff9bn << 96n) | 0xc0000221n);
    expect(parseIp('10.1.2')).toBeUndefined();
    expect(parseIp('host.example')).toBeUndefined();
  });

  it('matches addresses inside v4 and v6 blocks and nothing across families', () => {
    const v4 = parseCidr('192.168.10.77/24')!;
    expect(v4).toEqual({ family: 4, base: 0xc0a80a00n, prefix: 24 });
    expect(cidrContains(v4, parseIp('192.168.10.1')!)).toBe(true);
    expect(cidrContains(v4, parseIp('192.168.11.1')!)).toBe(false);
    const v6 = parseCidr('2001:db8:abcd::/48')!;
    expect(cidrContains(v6, parseIp('2001:db8:abcd:12::5')!)).toBe(true);
    expect(cidrContains(v6, parseIp('2001:db8:abce::5')!)).toBe(false);
    expect(cidrContains(v6, parseIp('192.168.10.1')!)).toBe(false);
    expect(cidrContains(parseCidr('0.0.0.0/0')!, parseIp('8.8.8.8')!)).toBe(true);
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
    expect(parseCidr('10.0.0.0/8/1')).toBeUndefined();
  });

  it('normalises MAC spellings', () => {
    expect(normaliseMac('AA-BB-CC-00-11-22')).toBe('aa:bb:cc:00:11:22');
    expect(normaliseMac('aabb.cc00.1122')).toBe('aa:bb:cc:00:11:22');
    expect(normaliseMac('aa:bb:cc:00:11')).toBeUndefined();
  });
});

describe.each(dialects)('workstation matching on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(dialect);
    const ws = t.repos.workstations;
    await ws.create({ name: 'desk-mac', mac: 'AA:BB:CC:00:11:22', ip: '10.0.0.50', pbx: 'pbx1', extension: '1011' });
    await ws.create({ name: 'desk-ip', ip: '10.0.0.60', pbx: 'pbx1', extension: '1012' });
    await ws.create({ name: 'floor-2', ip: '10.0.2.0/24', pbx: 'pbx1', extension: '1020' });
    await ws.create({ name: 'building', ip: '10.0.0.0/16', pbx: 'pbx1', extension: '1099' });
    await ws.create({ name: 'v6-desk', ip: '2001:db8:1::/64', pbx: 'pbx2', extension: '2001' });
    await ws.create({ name: 'v6-exact', ip: '2001:db8:1::42', pbx: 'pbx2', extension: '2042' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds the desk by MAC first, whatever the IP says', async () => {
    expect((await t.repos.workstations.matchWorkstation({ mac: 'aa-bb-cc-00-11-22', ip: '10.0.2.9' }))?.name).toBe('desk-mac');
  });

  it('finds the desk by exact IP, including an IPv4-mapped IPv6 peer address', async () => {
    expect((await t.repos.workstations.matchWorkstation({ ip: '10.0.0.60' }))?.extension).toBe('1012');
    expect((await t.repos.workstations.matchWorkstation({ ip: '::ffff:10.0.0.60' }))?.extension).toBe('1012');
    expect((await t.repos.workstations.matchWorkstation({ mac: '00:00:00:00:00:01', ip: '10.0.0.50' }))?.name).toBe('desk-mac');
  });

  it('picks the most specific CIDR block', async () => {
    expect((await t.repos.workstations.matchWorkstation({ ip: '10.0.2.33' }))?.name).toBe('floor-2');
    expect((await t.repos.workstations.matchWorkstation({ ip: '10.0.7.1' }))?.name).toBe('building');
    expect(await t.repos.workstations.matchWorkstation({ ip: '10.1.0.1' })).toBeUndefined();
  });

  it('matches IPv6 exactly and by prefix', async () => {
    expect((await t.repos.workstations.matchWorkstation({ ip: '2001:db8:1::42' }))?.name).toBe('v6-exact');
    expect((await t.repos.workstations.matchWorkstation({ ip: '2001:db8:1:0:ffff::1' }))?.name).toBe('v6-desk');
    expect(await t.repos.workstations.matchWorkstation({ ip: '2001:db8:2::1' })).toBeUndefined();
  });

  it('returns nothing without a usable probe', async () => {
    expect(await t.repos.workstations.matchWorkstation({})).toBeUndefined();
    expect(await t.repos.workstations.matchWorkstation({ ip: 'not-an-ip' })).toBeUndefined();
  });

  it('rejects a bad MAC or CIDR and a MAC already used by another desk', async () => {
    const ws = t.repos.workstations;
    await expect(ws.create({ name: 'x', mac: 'zz', pbx: 'p', extension: '1' })).rejects.toMatchObject({ code: 'CTI_ERR_INVALID_RECORD' });
    await expect(ws.create({ name: 'y', ip: '10.0.0.0/40', pbx: 'p', extension: '1' })).rejects.toMatchObject({ code: 'CTI_ERR_INVALID_RECORD' });
    await expect(ws.create({ name: 'z', mac: 'aabbcc001122', pbx: 'p', extension: '1' })).rejects.toMatchObject({
      code: 'CTI_ERR_DUPLICATE_RECORD',
    });
  });

  it('moves a desk to a new IP and clears its MAC', async () => {
    const desk = (await t.repos.workstations.list()).find((w) => w.name === 'desk-mac')!;
    const moved = await t.repos.workstations.update(desk.id, { mac: null, ip: '10.0.9.9' });
    expect(moved).toMatchObject({ mac: null, ip: '10.0.9.9', extension: '1011' });
    expect((await t.repos.workstations.matchWorkstation({ mac: 'aa:bb:cc:00:11:22', ip: '10.0.9.9' }))?.name).toBe('desk-mac');
    expect(await t.repos.workstations.remove(desk.id)).toBe(true);
  });
});
