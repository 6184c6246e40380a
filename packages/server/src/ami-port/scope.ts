import { roleHasPermission } from '@amiable/protocol';
import { phoneEndpoint } from './channel-name.ts';
import type { AmiPortPrincipal } from './ports.ts';

/** What one client may see, as sets for fast lookups. */
export interface ClientScope {
  /** Admins see (and may act on) everything. */
  readonly all: boolean;
  readonly extensions: ReadonlySet<string>;
  readonly queues: ReadonlySet<string>;
  /**
   * Holds the catalogue's `queue.monitor` (supervisors, integrations): a queue in scope shows its
   * callers, the calls it offers and its members. Without it (agents), a queue shows only its
   * statistics (`QueueParams`, `QueueSummary`), as on the WebSocket API.
   */
  readonly monitorsQueues: boolean;
}

export function scopeOf(principal: AmiPortPrincipal): ClientScope {
  return {
    all: principal.role === 'admin',
    extensions: new Set(principal.extensions),
    queues: new Set(principal.queues),
    monitorsQueues: roleHasPermission(principal.role, 'queue.monitor'),
  };
}

/**
 * How a device relates to a client:
 * - `own`: a phone of one of the client's extensions;
 * - `foreign`: a phone of some other extension (never shown);
 * - `neutral`: anything else (trunks, Local channels, pseudo-devices), shown only
 *   when it takes part in one of the client's calls.
 */
export type DeviceClass = 'own' | 'foreign' | 'neutral';

export interface ExtensionResolver {
  /** The extension a device belongs to, if it is a phone. */
  extensionOf(device: string): string | undefined;
}

/**
 * Device → extension: a hint naming the device wins (`Hint: PJSIP/1001&Custom:DND1001`
 * → 1001); otherwise a phone endpoint whose name matches `pattern` is that extension.
 */
export function createExtensionResolver(pattern: RegExp, hint: (device: string) => string | undefined): ExtensionResolver {
  return {
    extensionOf(device) {
      const hinted = hint(device);
      if (hinted !== undefined) return hinted;
      const endpoint = phoneEndpoint(device);
      return endpoint !== undefined && pattern.test(endpoint) ? endpoint : undefined;
    },
  };
}

export function classifyDevice(device: string, scope: ClientScope, resolver: ExtensionResolver): DeviceClass {
  const endpoint = phoneEndpoint(device);
  if (endpoint !== undefined && scope.extensions.has(endpoint)) return 'own';
  const ext = resolver.extensionOf(device);
  if (ext === undefined) return 'neutral';
  return scope.extensions.has(ext) ? 'own' : 'foreign';
}

/** The channel a client may act on must be a phone device of one of its extensions. */
export function isOwnInterface(iface: string, scope: ClientScope): boolean {
  const endpoint = phoneEndpoint(iface);
  return endpoint !== undefined && iface.startsWith('PJSIP/') && scope.extensions.has(endpoint);
}
