import { describe, expect, it } from 'vitest';
import { isPrivateAddress } from '../../src/integrations/webhooks/address-policy.ts';
import { retryDelayMs } from '../../src/integrations/webhooks/backoff.ts';
import { checkWebhookUrl } from '../../src/integrations/webhooks/url-policy.ts';

describe('webhook URLs', () => {
  const refused = (url: string, allowPrivateAddresses = false) => {
    try {
      checkWebhookUrl(url, { allowPrivateAddresses });
      return undefined;
    } catch (err) {
      return (err as { code: string; details: { field: string } }).details.field + ' ' + (err as { code: string }).code;
    }
  };

  it('takes public http and https URLs', () => {
    expect(refused('https://crm.example/hooks?x=1')).toBeUndefined();
    expect(refused('http://203.0.113.10:8080/in')).toBeUndefined();
  });

  it('refuses other schemes and credentials in the URL, naming the field', () => {
    for (const url of ['ftp://crm.example/x', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url', 'https://u:p@crm.example/']) {
      expect(refused(url), url).toBe('/body/url CTI_ERR_WEBHOOK_URL');
    }
  });

  it('refuses private, loopback and link-local addresses unless allowed', () => {
    for (const url of ['http://127.0.0.1:9/x', 'http://10.1.2.3/', 'http://192.168.1.1/', 'http://172.20.0.1/', 'http://169.254.169.254/latest', 'http://[::1]/', 'http://[fd00::1]/', 'http://[::ffff:10.0.0.1]/', 'http://localhost:8080/', 'http://0.0.0.0/']) {
      expect(refused(url), url).toBe('/body/url CTI_ERR_WEBHOOK_URL');
      expect(refused(url, true), url).toBeUndefined();
    }
    expect(isPrivateAddress('8.8.8.8')).toBe(false);
    expect(isPrivateAddress('2001:db8::1')).toBe(false);
  });
});

describe('webhook retry backoff', () => {
  const policy = { baseMs: 1000, maxMs: 60_000 };

  it('doubles per retry between half and all of the step, and stops growing at the cap', () => {
    for (const random of [0, 0.5, 0.999]) {
      const delays = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => retryDelayMs(n, policy, () => random));
      delays.forEach((d, i) => {
        const step = Math.min(policy.maxMs, policy.baseMs * 2 ** i);
        expect(d).toBeGreaterThanOrEqual(step / 2);
        expect(d).toBeLessThanOrEqual(step);
      });
      expect(Math.max(...delays)).toBeLessThanOrEqual(policy.maxMs);
    }
    // Jitter spreads receivers: two draws of the same retry differ.
    expect(retryDelayMs(3, policy, () => 0.1)).not.toBe(retryDelayMs(3, policy, () => 0.9));
  });
});
