import { describe, expect, it } from 'vitest';
import { isOnSite, normalizePageUrl, siteOf, siteOfHost } from '../../../utils/db/page-url';

describe('site keys', () => {
  it('drop a leading www. only', () => {
    expect(siteOfHost('www.hani.co.kr')).toBe('hani.co.kr');
    expect(siteOfHost('news.www.example.com')).toBe('news.www.example.com');
    expect(siteOf('https://www.reuters.com/world/x?a=1')).toBe('reuters.com');
  });

  it('a host is on a site when it is the site or a subdomain, never a mere suffix', () => {
    expect(isOnSite('hani.co.kr', 'hani.co.kr')).toBe(true);
    expect(isOnSite('m.hani.co.kr', 'hani.co.kr')).toBe(true);
    expect(isOnSite('nothani.co.kr', 'hani.co.kr')).toBe(false);
    expect(isOnSite('hani.co.kr', 'm.hani.co.kr')).toBe(false);
  });

  it('a canonical link is followed only within the same site', () => {
    expect(normalizePageUrl('https://m.example.com/a?utm_source=x', 'https://www.example.com/a')).toBe('https://www.example.com/a');
    expect(normalizePageUrl('https://example.com/a', 'https://other.com/a')).toBe('https://example.com/a');
  });
});
