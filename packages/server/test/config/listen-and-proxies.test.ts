import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';

describe('configuration of trusted proxies', () => {
  it('reads AMIABLE_TRUSTED_PROXIES as a comma-separated list of addresses and ranges', () => {
    const config = loadConfig({ env: { AMIABLE_TRUSTED_PROXIES: '10.0.0.5, 10.1.0.0/16,::1' } });
    expect(config.trustedProxies).toEqual(['10.0.0.5', '10.1.0.0/16', '::1']);
    expect(loadConfig({ env: {} }).trustedProxies).toEqual([]);
  });

  it('refuses an entry that is neither an address nor a CIDR range', () => {
    for (const bad of ['proxy.example.com', '10.0.0.0/33', '10.0.0.1/8/2', '*']) {
      expect(() => loadConfig({ env: { AMIABLE_TRUSTED_PROXIES: bad } })).toThrow(/trustedProxies/);
    }
  });
});
