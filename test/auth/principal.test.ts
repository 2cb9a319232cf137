import { claimAt, principalFromClaims, ROLES } from '../../src/auth/Principal';
import { bearerToken } from '../../src/auth/TokenVerifier';
import { AuthenticationError } from '../../src/errors';

const names = { rolesClaim: 'realm_access.roles', organizationClaim: 'organization', nameClaim: 'preferred_username' };

describe('principalFromClaims', () => {
  it('reads roles by the dotted path, organizations, name and jti', () => {
    const claims = {
      sub: 'f3a1',
      jti: 'tok-1',
      preferred_username: 'erika',
      realm_access: { roles: ['contributor', 'offline_access', 'reviewer', 'default-roles-dstack', 'contributor'] },
      organization: ['org:land-hamburg', 'org:bund'],
    };
    expect(principalFromClaims(claims, names)).toEqual({
      subject: 'f3a1',
      name: 'erika',
      roles: ['contributor', 'reviewer'],
      organizations: ['org:land-hamburg', 'org:bund'],
      tokenId: 'tok-1',
    });
  });

  it('takes a single organization as a string, and nothing from other shapes', () => {
    expect(principalFromClaims({ sub: 's', organization: 'org:land-hamburg' }, names).organizations).toEqual(['org:land-hamburg']);
    expect(principalFromClaims({ sub: 's', organization: { 'org:x': {} } }, names).organizations).toEqual([]);
    expect(principalFromClaims({ sub: 's', organization: ['org:a', 7, '', null] }, names).organizations).toEqual(['org:a']);
  });

  it('falls back to sub for the name, has no roles when the claim is missing, and no tokenId without jti', () => {
    const p = principalFromClaims({ sub: 'f3a1', preferred_username: '  ' }, names);
    expect(p).toEqual({ subject: 'f3a1', name: 'f3a1', roles: [], organizations: [] });
    expect('tokenId' in p).toBe(false);
  });

  it('follows other claim names, including a namespaced key that holds dots', () => {
    const custom = { rolesClaim: 'https://dstack.example.de/roles', organizationClaim: 'org.ids', nameClaim: 'name' };
    const p = principalFromClaims({ sub: 's', name: 'Erika M.', 'https://dstack.example.de/roles': ['admin'], org: { ids: 'org:bund' } }, custom);
    expect(p).toMatchObject({ name: 'Erika M.', roles: ['admin'], organizations: ['org:bund'] });
  });

  it('refuses claims without a subject', () => {
    expect(() => principalFromClaims({ preferred_username: 'erika' }, names)).toThrow(AuthenticationError);
    expect(() => principalFromClaims({ sub: '' }, names)).toThrow(/no subject/);
  });

  it('knows three roles', () => {
    expect(ROLES).toEqual(['contributor', 'reviewer', 'admin']);
  });
});

describe('claimAt', () => {
  it('walks objects only and answers undefined for a missing step', () => {
    const claims = { a: { b: { c: 1 } }, list: [{ x: 1 }] };
    expect(claimAt(claims, 'a.b.c')).toBe(1);
    expect(claimAt(claims, 'a.x.c')).toBeUndefined();
    expect(claimAt(claims, 'list.0.x')).toBeUndefined();
    expect(claimAt(claims, 'a.b.c.d')).toBeUndefined();
    expect(claimAt(claims, 'toString')).toBeUndefined();
  });
});

describe('bearerToken', () => {
  it('is null without a header', () => {
    expect(bearerToken(undefined)).toBeNull();
    expect(bearerToken('')).toBeNull();
    expect(bearerToken('   ')).toBeNull();
  });

  it('takes the token of the Bearer scheme, any case', () => {
    expect(bearerToken('Bearer eyJ.abc-_.x~+/')).toBe('eyJ.abc-_.x~+/');
    expect(bearerToken('bearer abc==')).toBe('abc==');
    expect(bearerToken('BEARER   abc ')).toBe('abc');
  });

  it('calls anything else malformed', () => {
    for (const h of ['Basic dXNlcjpwdw==', 'Bearer', 'Bearer ', 'Bearer a b', 'Bearerabc', 'Token abc', 'Bearer a,b', 'abc']) {
      expect([h, bearerToken(h)]).toEqual([h, 'malformed']);
    }
  });
});
