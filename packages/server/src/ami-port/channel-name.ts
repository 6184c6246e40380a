/**
 * Channel and device names, as far as scoping needs them.
 *
 * `PJSIP/1001-0000002a` is a channel of device `PJSIP/1001` (the suffix is cut at
 * the last dash, because endpoint names may contain dashes). `Local/…@…-0000000a;1`
 * is a Local half: it belongs to whichever call it is in, never to an extension by name.
 */
import { deviceOf } from '../telephony/channel-name.ts';

/** Technologies whose endpoints can be phones (extensions). */
const PHONE_TECHS = new Set(['pjsip', 'sip', 'iax2']);

/**
 * `PJSIP/1001-0000002a` → `PJSIP/1001`; `Local/…@…-0000000a;1` → `Local/…@…`.
 * The telephony model's parser is the one place that knows channel-name syntax.
 */
export function deviceOfChannel(name: string): string {
  return deviceOf(name);
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
