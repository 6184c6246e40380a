import { type ChannelName, parseChannelName } from './channel-name.ts';

/** What a channel's device is, from the CTI point of view. */
export type DeviceKind = 'phone' | 'trunk' | 'local' | 'other';

export interface DeviceInfo {
  readonly device: string;
  readonly kind: DeviceKind;
  /** The extension the device serves (phones only). */
  readonly extension: string | null;
}

export interface DeviceDirectoryOptions {
  /**
   * Fallback when no hint names the device: a voice device whose resource
   * matches this pattern is a phone with that extension. Default: 2 to 6 digits.
   */
  readonly extensionPattern?: RegExp;
  /** Site-specific mapping, tried first; return undefined to fall through. */
  readonly resolveExtension?: (device: string) => string | null | undefined;
}

/** Technologies that carry calls to phones or carriers; anything else is `other`. */
const VOICE_TECH = new Set(['PJSIP', 'SIP', 'IAX2', 'DAHDI', 'H323', 'OOH323', 'Motif', 'Skinny', 'MGCP', 'UNISTIM', 'Console', 'WebRTC']);

/**
 * Maps devices to extensions: first the hints learnt from ExtensionStatus
 * (`Hint: PJSIP/1001&Custom:DND1001` → both devices serve 1001), then the
 * site resolver, then the numeric-resource fallback. Results are cached.
 */
export class DeviceDirectory {
  readonly #pattern: RegExp;
  readonly #resolve: DeviceDirectoryOptions['resolveExtension'];
  readonly #hints = new Map<string, string>();
  readonly #cache = new Map<string, DeviceInfo>();

  constructor(options: DeviceDirectoryOptions = {}) {
    this.#pattern = options.extensionPattern ?? /^\d{2,6}$/;
    this.#resolve = options.resolveExtension;
  }

  /** Record a hint; the first extension to claim a device keeps it. */
  learnHint(exten: string, hint: string): void {
    if (hint === '') return;
    for (const part of hint.split('&')) {
      const device = part.trim();
      if (device === '' || this.#hints.has(device)) continue;
      this.#hints.set(device, exten);
      this.#cache.delete(device);
    }
  }

  /** Describe a device string (`PJSIP/1001`) or a channel name (`PJSIP/1001-0000002a`). */
  describe(deviceOrChannel: string): DeviceInfo {
    const parsed = parseChannelName(deviceOrChannel);
    const cached = this.#cache.get(parsed.device);
    if (cached !== undefined) return cached;
    const info = this.#classify(parsed);
    this.#cache.set(parsed.device, info);
    return info;
  }

  extensionOf(deviceOrChannel: string): string | null {
    return this.describe(deviceOrChannel).extension;
  }

  /** Whether a dialled number looks like one of our extensions (used for Local channels and transfers). */
  isExtensionNumber(exten: string): boolean {
    return this.#pattern.test(exten);
  }

  #classify(parsed: ChannelName): DeviceInfo {
    const device = parsed.device;
    if (parsed.tech === 'Local') return { device, kind: 'local', extension: null };
    const hinted = this.#hints.get(device);
    if (hinted !== undefined) return { device, kind: 'phone', extension: hinted };
    const resolved = this.#resolve?.(device);
    if (resolved !== undefined) return { device, kind: resolved === null ? kindOfTech(parsed.tech) : 'phone', extension: resolved };
    if (!VOICE_TECH.has(parsed.tech) && !VOICE_TECH.has(parsed.tech.toUpperCase())) {
      return { device, kind: 'other', extension: null };
    }
    if (this.#pattern.test(parsed.resource)) return { device, kind: 'phone', extension: parsed.resource };
    return { device, kind: 'trunk', extension: null };
  }
}

function kindOfTech(tech: string): DeviceKind {
  return VOICE_TECH.has(tech) || VOICE_TECH.has(tech.toUpperCase()) ? 'trunk' : 'other';
}
