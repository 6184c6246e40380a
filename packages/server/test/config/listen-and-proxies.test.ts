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

describe('the AMI-compatible port’s address', () => {
  it('takes AMIABLE_AMI_PORT_LISTEN as host:port, [v6]:port or a bare port', () => {
    const listen = (value: string) => {
      const { host, port } = loadConfig({ env: { AMIABLE_AMI_PORT_LISTEN: value } }).amiPort;
      return `${host} ${port}`;
    };
    expect(listen('127.0.0.1:15039')).toBe('127.0.0.1 15039');
    expect(listen('0.0.0.0:16000')).toBe('0.0.0.0 16000');
    expect(listen('[::1]:15040')).toBe('::1 15040');
    expect(listen('15041')).toBe('127.0.0.1 15041');
    expect(() => loadConfig({ env: { AMIABLE_AMI_PORT_LISTEN: 'localhost:port' } })).toThrow(/amiPort/);
  });

  it('does not default to 5039, Asterisk’s own AMI-over-TLS port', () => {
    expect(loadConfig({ env: {} }).amiPort.port).toBe(15038);
  });
});
