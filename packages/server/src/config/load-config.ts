import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { Value } from '@sinclair/typebox/value';
import { type Config, ConfigSchema } from './schema.ts';

export class ConfigError extends Error {
  readonly code = 'CTI_ERR_CONFIG';
  readonly details: unknown;
  constructor(message: string, details?: unknown) {
    super(message);
    this.name = 'ConfigError';
    this.details = details;
  }
}

type Env = Record<string, string | undefined>;

/** Reads environment overrides. Only documented variables are read (see README). */
export function configFromEnv(env: Env): Record<string, unknown> {
  const out: Record<string, any> = {};
  const set = (path: string[], value: unknown) => {
    let node = out;
    for (const key of path.slice(0, -1)) node = node[key] ??= {};
    node[path[path.length - 1]!] = value;
  };
  const int = (v: string) => (/^-?\d+$/.test(v) ? Number(v) : v);
  if (env.AMIABLE_HOST) set(['http', 'host'], env.AMIABLE_HOST);
  if (env.AMIABLE_PORT ?? env.PORT) set(['http', 'port'], int((env.AMIABLE_PORT ?? env.PORT)!));
  if (env.AMIABLE_TLS_CERT && env.AMIABLE_TLS_KEY) {
    set(['http', 'tls'], { certFile: env.AMIABLE_TLS_CERT, keyFile: env.AMIABLE_TLS_KEY });
  }
  if (env.AMIABLE_DATA_DIR) set(['dataDir'], env.AMIABLE_DATA_DIR);
  if (env.AMIABLE_DATABASE_URL?.startsWith('postgres')) {
    set(['database'], { driver: 'postgres', url: env.AMIABLE_DATABASE_URL });
  } else if (env.AMIABLE_DATABASE_URL) {
    set(['database'], { driver: 'sqlite', file: env.AMIABLE_DATABASE_URL.replace(/^sqlite:/, '') });
  }
  if (env.AMIABLE_AMI_HOST) {
    set(['pbxs'], [
      {
        id: env.AMIABLE_AMI_ID ?? 'main',
        host: env.AMIABLE_AMI_HOST,
        port: int(env.AMIABLE_AMI_PORT ?? '5038'),
        username: env.AMIABLE_AMI_USER ?? '',
        secret: env.AMIABLE_AMI_SECRET ?? '',
        authType: env.AMIABLE_AMI_AUTH === 'md5' ? 'md5' : 'plain',
        ...(env.AMIABLE_AMI_TLS === '1' || env.AMIABLE_AMI_TLS === 'true'
          ? {
              tls: {
                rejectUnauthorized: env.AMIABLE_AMI_TLS_INSECURE !== '1',
                ...(env.AMIABLE_AMI_CA ? { caFile: env.AMIABLE_AMI_CA } : {}),
                // The name the certificate must carry when it differs from the host dialled (an IP, say).
                ...(env.AMIABLE_AMI_TLS_SERVERNAME ? { servername: env.AMIABLE_AMI_TLS_SERVERNAME } : {}),
              },
            }
          : {}),
      },
    ]);
  }
  if (env.AMIABLE_TRUSTED_PROXIES !== undefined) {
    set(['trustedProxies'], env.AMIABLE_TRUSTED_PROXIES.split(',').map((s) => s.trim()).filter((s) => s !== ''));
  }
  if (env.AMIABLE_TOKEN_SECRET) set(['auth', 'tokenSecret'], env.AMIABLE_TOKEN_SECRET);
  if (env.AMIABLE_METRICS_TOKEN) set(['http', 'metricsToken'], env.AMIABLE_METRICS_TOKEN);
  if (env.AMIABLE_AMI_PORT_ENABLED) set(['amiPort', 'enabled'], env.AMIABLE_AMI_PORT_ENABLED === '1');
  if (env.AMIABLE_AMI_PORT_LISTEN) {
    const listen = parseListen(env.AMIABLE_AMI_PORT_LISTEN);
    if (listen.host !== undefined) set(['amiPort', 'host'], listen.host);
    set(['amiPort', 'port'], listen.port);
  }
  if (env.AMIABLE_DEMO_CALLS_PER_MINUTE) set(['demo', 'callsPerMinute'], Number(env.AMIABLE_DEMO_CALLS_PER_MINUTE));
  if (env.AMIABLE_LOG_LEVEL) set(['log', 'level'], env.AMIABLE_LOG_LEVEL);
  if (env.AMIABLE_NATS_URL) set(['cluster', 'natsUrl'], env.AMIABLE_NATS_URL);
  if (env.AMIABLE_NATS_REPLICAS) set(['cluster', 'replicas'], int(env.AMIABLE_NATS_REPLICAS));
  if (env.AMIABLE_NODE_ID) set(['cluster', 'nodeId'], env.AMIABLE_NODE_ID);
  if (env.AMIABLE_LEASE_TTL_MS) set(['cluster', 'leaseTtlMs'], int(env.AMIABLE_LEASE_TTL_MS));
  if (env.AMIABLE_STREAM_RETENTION_SECONDS) set(['cluster', 'retentionSeconds'], int(env.AMIABLE_STREAM_RETENTION_SECONDS));
  return out;
}

function merge(base: any, over: any): any {
  if (Array.isArray(over) || typeof over !== 'object' || over === null) return over;
  const out: Record<string, unknown> = { ...(typeof base === 'object' && base !== null ? base : {}) };
  for (const [k, v] of Object.entries(over)) out[k] = merge(out[k], v);
  return out;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * Validate once, apply defaults, freeze. Sources, lowest precedence first:
 * defaults, the JSON file (`AMIABLE_CONFIG` or `file`), environment variables, `overrides`.
 */
export function loadConfig(options: { env?: Env; file?: string; overrides?: Record<string, unknown> } = {}): Config {
  const env = options.env ?? process.env;
  const file = options.file ?? env.AMIABLE_CONFIG;
  let fromFile: unknown = {};
  if (file) {
    try {
      fromFile = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new ConfigError(`Cannot read config file ${file}: ${(err as Error).message}`);
    }
  }
  const raw = merge(merge(fromFile, configFromEnv(env)), options.overrides ?? {});
  const withDefaults = Value.Default(ConfigSchema, Value.Clone(raw));
  if (!Value.Check(ConfigSchema, withDefaults)) {
    const errors = [...Value.Errors(ConfigSchema, withDefaults)].slice(0, 5).map((e) => `${e.path || '/'}: ${e.message}`);
    throw new ConfigError(`Invalid configuration: ${errors.join('; ')}`, errors);
  }
  for (const entry of (withDefaults as Config).trustedProxies) {
    if (!isAddressOrRange(entry)) throw new ConfigError(`trustedProxies: ${entry} is not an IP address or CIDR range`);
  }
  const ids = new Set<string>();
  for (const pbx of (withDefaults as Config).pbxs) {
    if (ids.has(pbx.id)) throw new ConfigError(`Duplicate PBX id ${pbx.id}`);
    ids.add(pbx.id);
  }
  return deepFreeze(withDefaults as Config);
}

/** `10.0.0.1`, `10.0.0.0/8`, `::1`, `fd00::/8`. */
function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** `15038`, `127.0.0.1:15038`, `[::1]:15038` or `:15038` (the port only, on the configured host). */
export function parseListen(value: string): { host?: string; port: number | string } {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]*)):(\d+)$/.exec(value.trim());
  if (!m) return { port: /^\d+$/.test(value.trim()) ? Number(value.trim()) : value };
  const host = m[1] ?? m[2] ?? '';
  return { ...(host !== '' ? { host } : {}), port: Number(m[3]) };
}
