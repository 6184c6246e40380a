import { isIP } from 'node:net';
import { isPrivateAddress } from './address-policy.ts';
import { WEBHOOK_ERROR_CODES, WebhookFieldError } from './errors.ts';

/**
 * Checks a subscription URL: http or https only, no user or password in it, and, unless private
 * addresses are allowed, no literal private address and no `localhost` name. Names that resolve
 * to a private address are refused again on each attempt (see `http-post.ts`).
 */
export function checkWebhookUrl(raw: string, options: { allowPrivateAddresses: boolean; field?: string }): URL {
  const field = options.field ?? '/body/url';
  const refuse = (message: string) => new WebhookFieldError(WEBHOOK_ERROR_CODES.URL, field, message);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse(`The webhook URL “${raw.slice(0, 100)}” is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw refuse('The webhook URL must start with http:// or https://');
  if (url.username || url.password) throw refuse('The webhook URL must not carry a user name or password; authenticate with the signature');
  if (!options.allowPrivateAddresses) {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if ((isIP(host) !== 0 && isPrivateAddress(host)) || host === 'localhost' || host.endsWith('.localhost')) {
      throw refuse(`The webhook URL names a private address (${host}); this server does not deliver there (webhooks.allowPrivateAddresses)`);
    }
  }
  return url;
}
