import { createHash, randomBytes } from 'node:crypto';

/** SHA-256 hex digest: how refresh tokens and API keys are stored. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** A random opaque secret with a readable prefix, e.g. `rt_…` or `amk_…`. */
export function randomSecret(prefix: string, bytes = 32): string {
  return `${prefix}_${randomBytes(bytes).toString('base64url')}`;
}

/** A new API key and the hash to store. The key is shown once and never stored. */
export function generateApiKey(): { key: string; hash: string } {
  const key = randomSecret('amk');
  return { key, hash: sha256(key) };
}
