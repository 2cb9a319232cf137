import { describe, expect, it } from '@jest/globals';
import { contributeCsp, PAGE_CSP } from '../../src/web/webRouter';

describe('contributeCsp', () => {
  it('adds the issuer\'s origin (not its path) to connect-src, and nothing else', () => {
    const csp = contributeCsp('https://login.example.de:8443/realms/dstack');
    expect(csp).toContain("connect-src 'self' https://login.example.de:8443;");
    expect(csp.replace(" https://login.example.de:8443", '')).toBe(PAGE_CSP);
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("form-action 'none'");
  });

  it('is the pages\' own policy without sign-in or with an issuer that is no URL', () => {
    expect(contributeCsp(null)).toBe(PAGE_CSP);
    expect(contributeCsp(undefined)).toBe(PAGE_CSP);
    expect(contributeCsp('not a url')).toBe(PAGE_CSP);
  });
});
