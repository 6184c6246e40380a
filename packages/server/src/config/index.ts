export { ConfigError, configFromEnv, loadConfig } from './load-config.ts';
export { type Config, ConfigSchema, type PbxConfig, PbxConfigSchema } from './schema.ts';
