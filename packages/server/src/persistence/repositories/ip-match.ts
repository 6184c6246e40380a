/**
 * IPv4/IPv6 addresses and CIDR blocks as integers, for workstation matching.
 * IPv4-mapped IPv6 addresses (::ffff:10.0.0.5, as Node reports IPv4 peers on
 * dual-stack sockets) are treated as the IPv4 address. Zone ids (%eth0) are ignored.
 */
import { isIPv4, isIPv6 } from 'node:net';

export interface IpAddress {
  family: 4 | 6;
  value: bigint;
}

export interface Cidr {
  family: 4 | 6;
  /** Network address (host bits cleared). */
  base: bigint;
  prefix: number;
}

function parseV4(text: string): bigint {
  let value = 0n;
  for (const part of text.split('.')) value = (value << 8n) | BigInt(Number(part));
  return value;
}

function parseV6(text: string): bigint {
  let head = text;
  let tailV4: bigint | undefined;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    tailV4 = parseV4(text.slice(lastColon + 1));
    head = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const [left = '', right] = head.split('::');
  const leftParts = left === '' ? [] : left.split(':');
  const rightParts = right === undefined || right === '' ? [] : right.split(':');
  const missing = 8 - leftParts.length - rightParts.length;
  const groups = right === undefined ? leftParts : [...leftParts, ...new Array<string>(missing).fill('0'), ...rightParts];
  let value = 0n;
  for (const g of groups) value = (value << 16n) | BigInt(Number.parseInt(g, 16));
  if (tailV4 !== undefined) value = (value & ~0xffffffffn) | tailV4;
  return value;
}

export function parseIp(text: string): IpAddress | undefined {
  const raw = text.trim();
  const bare = raw.startsWith('[') && raw.endsWith(']') ? raw.slice(1, -1) : raw;
  const address = bare.split('%')[0] ?? '';
  if (isIPv4(address)) return { family: 4, value: parseV4(address) };
  if (!isIPv6(address)) return undefined;
  const value = parseV6(address);
  if (value >> 32n === 0xffffn) return { family: 4, value: value & 0xffffffffn };
  return { family: 6, value };
}

/** Parses `a.b.c.d/n`, `x::y/n` or a plain address (a host-sized block). */
export function parseCidr(text: string): Cidr | undefined {
  const [addressText = '', prefixText, extra] = text.trim().split('/');
  if (extra !== undefined) return undefined;
  const ip = parseIp(addressText);
  if (ip === undefined) return undefined;
  // A mapped IPv6 block (::ffff:10.0.0.0/104) becomes the equivalent IPv4 block.
  const mapped = ip.family === 4 && !isIPv4(addressText.split('%')[0] ?? '');
  const width = ip.family === 4 ? 32 : 128;
  let prefix = width;
  if (prefixText !== undefined) {
    if (!/^\d{1,3}$/.test(prefixText)) return undefined;
    prefix = Number(prefixText) - (mapped ? 96 : 0);
    if (prefix < 0 || prefix > width) return undefined;
  }
  const hostBits = BigInt(width - prefix);
  const base = (ip.value >> hostBits) << hostBits;
  return { family: ip.family, base, prefix };
}

export function cidrContains(cidr: Cidr, ip: IpAddress): boolean {
  if (cidr.family !== ip.family) return false;
  const hostBits = BigInt((cidr.family === 4 ? 32 : 128) - cidr.prefix);
  return ip.value >> hostBits === cidr.base >> hostBits;
}

/** True for an address or block that parseCidr accepts. */
export function isIpOrCidr(text: string): boolean {
  return parseCidr(text) !== undefined;
}

/** True when the two blocks share at least one address (one of them contains the other). */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  if (a.family !== b.family) return false;
  const wider = a.prefix <= b.prefix ? a : b;
  const narrower = wider === a ? b : a;
  return cidrContains(wider, { family: narrower.family, value: narrower.base });
}
