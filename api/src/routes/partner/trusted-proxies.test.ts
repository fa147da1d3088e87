import { describe, expect, it } from 'vitest';
import { readPartnerSettings } from './env.ts';
import { TrustedProxies } from './trusted-proxies.ts';

describe('the client behind trusted proxies', () => {
  const proxies = new TrustedProxies('127.0.0.1, 10.0.0.0/8, 2001:db8::/32');

  it('is the first address from the right of X-Forwarded-For that is not a trusted proxy', () => {
    expect(proxies.clientAddress('127.0.0.1', '198.51.100.9, 203.0.113.7, 10.1.2.3')).toBe('203.0.113.7');
    expect(proxies.clientAddress('::ffff:10.0.0.5', '203.0.113.7')).toBe('203.0.113.7');
    expect(proxies.clientAddress('2001:db8::5', '2001:db8::7, 2a00:1450::1')).toBe('2a00:1450::1');
  });

  it('reads addresses written with a port, as some proxies write them', () => {
    expect(proxies.clientAddress('10.0.0.5', '203.0.113.7:5555, 10.0.0.6:443')).toBe('203.0.113.7');
    expect(proxies.clientAddress('10.0.0.5', '[2a00:1450::1]:8443, [2001:db8::1]:443')).toBe('2a00:1450::1');
  });

  it('is the connection when it does not come from a trusted proxy, whatever the header claims', () => {
    expect(proxies.clientAddress('198.51.100.9', '203.0.113.7')).toBe('198.51.100.9');
    expect(new TrustedProxies('').clientAddress('127.0.0.1', '203.0.113.7')).toBe('127.0.0.1');
  });

  it('is the proxy itself when the proxy names nobody, and the farthest proxy when all are trusted', () => {
    expect(proxies.clientAddress('10.0.0.5', undefined)).toBe('10.0.0.5');
    expect(proxies.clientAddress('10.0.0.5', '10.0.0.9, 127.0.0.1')).toBe('10.0.0.9');
  });

  it('refuses a setting that is not a list of addresses and ranges, naming the entry', () => {
    expect(() => new TrustedProxies('10.0.0.0/8, proxy.internal')).toThrow(
      /"proxy\.internal" is not an IP address/,
    );
    expect(() => new TrustedProxies('10.0.0.0/33')).toThrow(/"10\.0\.0\.0\/33"/);
  });

  it('is set by SHORTLIST_TRUSTED_PROXIES; the on/off setting it replaced is refused when on, saying so', () => {
    const { trustedProxies } = readPartnerSettings({ SHORTLIST_TRUSTED_PROXIES: '10.0.0.0/8' });
    expect(trustedProxies.clientAddress('10.0.0.5', '203.0.113.7')).toBe('203.0.113.7');
    expect(() => readPartnerSettings({ SHORTLIST_TRUSTED_PROXIES: 'proxy.local' })).toThrow(
      /^Invalid environment: SHORTLIST_TRUSTED_PROXIES: "proxy\.local" is not an IP address/,
    );
    expect(() => readPartnerSettings({ SHORTLIST_TRUST_FORWARDED_FOR: '0' })).not.toThrow();
    expect(() => readPartnerSettings({ SHORTLIST_TRUST_FORWARDED_FOR: '1' })).toThrow(
      /SHORTLIST_TRUST_FORWARDED_FOR: replaced by SHORTLIST_TRUSTED_PROXIES/,
    );
  });
});
