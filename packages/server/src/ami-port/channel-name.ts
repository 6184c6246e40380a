/**
 * Channel and device names, as far as scoping needs them.
 *
 * `PJSIP/1001-0000002a` is a channel of device `PJSIP/1001` (the suffix is cut at
 * the last dash, because endpoint names may contain dashes). `Local/…@…-0000000a;1`
 * is a Local half: it belongs to whichever call it is in, never to an extension by name.
 */

/** Technologies whose endpoints can be phones (extensions). */
const PHONE_TECHS = new Set(['pjsip', 'sip', 'iax2']);

/** `PJSIP/1001-0000002a` → `PJSIP/1001`; devices and Local channels are returned unchanged in form. */
export function deviceOfChannel(name: string): string {
  const slash = name.indexOf('/');
  if (slash <= 0) return name;
  if (isLocal(name)) {
    const semi = name.lastIndexOf(';');
    const base = semi > slash ? name.slice(0, semi) : name;
    const dash = base.lastIndexOf('-');
    return dash > slash ? base.slice(0, dash) : base;
  }
  const dash = name.lastIndexOf('-');
  if (dash > slash && isSuffix(name, dash + 1)) return name.slice(0, dash);
  return name;
}

export function isLocal(name: string): boolean {
  return name.length > 6 && name.charCodeAt(5) === 47 && name.slice(0, 5).toLowerCase() === 'local';
}

/**
 * The endpoint name of a phone device (`PJSIP/1001` → `1001`), or undefined for
 * devices of other technologies (Local, Queue:, Custom:, DAHDI, ...).
 */
export function phoneEndpoint(device: string): string | undefined {
  const slash = device.indexOf('/');
  if (slash <= 0) return undefined;
  if (!PHONE_TECHS.has(device.slice(0, slash).toLowerCase())) return undefined;
  const endpoint = device.slice(slash + 1);
  return endpoint === '' ? undefined : endpoint;
}

/** Channel suffixes are hex (PJSIP, SIP, Local) or decimal (IAX2). */
function isSuffix(s: string, from: number): boolean {
  if (from >= s.length) return false;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const hex = (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
    if (!hex) return false;
  }
  return true;
}

/**
 * Phone channel names mentioned anywhere in a text, such as `BRIDGEPEER=PJSIP/1004-00000012`
 * in a VarSet value or `ChanVariable(PJSIP/1001-0000002a)` in a key. Returns their devices.
 */
const MENTION_RE = /(?<![A-Za-z0-9_])(PJSIP|SIP|IAX2)\/([^\s,;&|()'"\\<>=/]+)-([0-9A-Fa-f]+)(?![0-9A-Za-z])/gi;

export function mentionedPhoneDevices(text: string, into: Set<string>): void {
  if (text.indexOf('/') === -1) return;
  MENTION_RE.lastIndex = 0;
  for (let m = MENTION_RE.exec(text); m !== null; m = MENTION_RE.exec(text)) {
    into.add(`${m[1]}/${m[2]}`);
  }
}
