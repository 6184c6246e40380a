/**
 * Channel and device names.
 *
 * `PJSIP/1001-0000002a` → device `PJSIP/1001`; the suffix is cut at the last
 * dash because endpoint names may contain dashes (`PJSIP/trunk-eu-1-0000002a`).
 * `Local/1002@internal-00000003;1` → device `Local/1002@internal`, half 1,
 * dialled exten `1002` in context `internal`.
 */
export interface ChannelName {
  /** Technology as written (`PJSIP`, `SIP`, `IAX2`, `DAHDI`, `Local`, ...). */
  readonly tech: string;
  /** What follows the technology in the device string (`1001`, `lab-trunk`, `1002@internal`). */
  readonly resource: string;
  /** Device string, as used by DeviceStateChange, queue interfaces and hints. */
  readonly device: string;
  /** Local channels only: the exten, context and half (1 or 2). */
  readonly localExten: string | null;
  readonly localContext: string | null;
  readonly localHalf: 1 | 2 | null;
}

export function parseChannelName(name: string): ChannelName {
  const slash = name.indexOf('/');
  if (slash <= 0) {
    return { tech: '', resource: name, device: name, localExten: null, localContext: null, localHalf: null };
  }
  const tech = name.slice(0, slash);
  let rest = name.slice(slash + 1);
  if (tech === 'Local') return parseLocal(rest);
  // Channels carry a unique suffix; plain device strings (queue interfaces) do not.
  const dash = rest.lastIndexOf('-');
  if (dash > 0 && isSuffix(rest, dash + 1)) rest = rest.slice(0, dash);
  return { tech, resource: rest, device: `${tech}/${rest}`, localExten: null, localContext: null, localHalf: null };
}

function parseLocal(rest: string): ChannelName {
  let half: 1 | 2 | null = null;
  const semi = rest.lastIndexOf(';');
  if (semi > 0) {
    const h = rest.slice(semi + 1);
    half = h === '1' ? 1 : h === '2' ? 2 : null;
    rest = rest.slice(0, semi);
  }
  const dash = rest.lastIndexOf('-');
  if (half !== null && dash > 0) rest = rest.slice(0, dash);
  // Options (`/n`) belong to the dial string, not to the device.
  const opt = rest.indexOf('/');
  if (opt > 0) rest = rest.slice(0, opt);
  const at = rest.indexOf('@');
  const exten = at > 0 ? rest.slice(0, at) : rest;
  const context = at > 0 ? rest.slice(at + 1) : 'default';
  return {
    tech: 'Local',
    resource: rest,
    device: `Local/${rest}`,
    localExten: exten,
    localContext: context,
    localHalf: half,
  };
}

/** Channel suffixes are hex (PJSIP, SIP, Local) or decimal (IAX2, DAHDI). */
function isSuffix(s: string, from: number): boolean {
  if (from >= s.length) return false;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const hex = (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
    if (!hex) return false;
  }
  return true;
}

/** The device a channel belongs to (`PJSIP/1001-0000002a` → `PJSIP/1001`). */
export function deviceOf(channelName: string): string {
  return parseChannelName(channelName).device;
}
