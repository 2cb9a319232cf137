import { complianceStatus } from '../../src/compliance/complianceStatus';
import { deniedEntry, evidenceBySources, notApplicableReason, stewardTypeOf } from '../../src/model';
import { monthsBefore } from '../../src/provenance/resolvers';
import { readReviewedHosts, unreviewedHosts } from '../../src/seed/hostReview';
import type { CitedSource } from '../../src/seed/citations';
import { buildGraph, defaultSources } from '../../src/seed/seed';
import { tmpTree } from '../support/tmpdir';

describe('the rules an expert agrees with (issue 22)', () => {
  it('calls a fact sourced only with a primary source', () => {
    expect(evidenceBySources('sourced', ['press', 'secondary'])).toBe('secondary');
    expect(evidenceBySources('sourced', ['press', 'vendor'])).toBe('sourced');
    expect(evidenceBySources('sourced', ['internal'])).toBe('secondary');
    expect(evidenceBySources('inferred', ['press'])).toBe('inferred');
    expect(evidenceBySources('reported', ['secondary'])).toBe('reported');
  });

  it('denies a domain, its subdomains, and an individual repository by path only', () => {
    const denied = [{ domain: 'copy.example', copies: 'x' }, { domain: 'github.com', path: '/someone', copies: 'y' }];
    expect(deniedEntry('https://www.copy.example/a', denied)?.domain).toBe('copy.example');
    expect(deniedEntry('https://docs.copy.example/a', denied)?.domain).toBe('copy.example');
    expect(deniedEntry('https://github.com/someone/repo', denied)?.path).toBe('/someone');
    expect(deniedEntry('https://github.com/SomeOne', denied)?.path).toBe('/someone');
    expect(deniedEntry('https://github.com/someoneelse/repo', denied)).toBeUndefined();
    expect(deniedEntry('https://github.com/org/repo', denied)).toBeUndefined();
  });

  it('tells a vendor from a body and a public body', () => {
    expect(stewardTypeOf('company', 'company')).toBe('vendor');
    expect(stewardTypeOf('international', 'foundation')).toBe('body');
    expect(stewardTypeOf('international', undefined)).toBe('body');
    expect(stewardTypeOf('company', 'standards-body')).toBe('body');
    expect(stewardTypeOf('Land', 'it-provider')).toBe('public-body');
  });

  it('does not assess physical infrastructure on software criteria', () => {
    expect(notApplicableReason('Component', 'physical-infrastructure')).toContain('physical');
    expect(notApplicableReason('Component', 'infrastructure')).toBeNull();
    expect(notApplicableReason('Standard', 'physical-infrastructure')).toBeNull();
  });

  it('reads a requirement by the rule it encodes', () => {
    expect(complianceStatus('must-use', 1, 1, false).status).toBe('violated');
    expect(complianceStatus('must-meet', 1, 1, false).status).toBe('not_assessable');
    expect(complianceStatus('must-meet', 1, 1, true).status).toBe('exempted');
    expect(complianceStatus('must-meet', 1, 0, false).status).toBe('met');
    expect(complianceStatus(undefined, 0, 0, false).status).toBe('not_assessable');
    expect(complianceStatus(undefined, 2, 1, false).status).toBe('violated');
  });

  it('counts months back to the same day, or the last day of a shorter month', () => {
    expect(monthsBefore(new Date('2026-12-07T10:00:00Z'), 12)).toBe('2025-12-07');
    expect(monthsBefore(new Date('2026-03-31T10:00:00Z'), 1)).toBe('2026-02-28');
    expect(monthsBefore(new Date('2026-01-15T00:00:00Z'), 25)).toBe('2023-12-15');
  });

  it('lists the hosts nobody reviewed, most cited first, and refuses a denied host as reviewed', () => {
    const src = (id: string, url: string, facts: number): CitedSource => ({ id, url, publisher: null, title: null, kind: 'vendor', language: null, published: null, retrieved: null, via: null, note: null, titleFromAddress: false, nodeCount: facts, relationshipCount: 0 });
    const list = unreviewedHosts([src('a', 'https://docs.a.example/x', 2), src('b', 'https://b.example/', 5), src('c', 'https://www.c.example/', 1)], [{ host: 'a.example', publisher: 'A' }]);
    expect(list).toEqual([{ host: 'b.example', entries: 1, facts: 5 }, { host: 'c.example', entries: 1, facts: 1 }]);
    const dir = tmpTree({ 'hosts.yaml': 'reviewed:\n  - {host: copy.example, publisher: X}\n  - {host: ok.example, publisher: Y}\n  - {host: ok.example, publisher: Y}\n' });
    const { hosts, issues } = readReviewedHosts(dir, dir, [{ domain: 'copy.example', copies: 'x' }]);
    expect(hosts.map((h) => h.host)).toEqual(['ok.example']);
    expect(issues.map((i) => `${i.entry}: ${i.message}`)).toEqual(['reviewed[0] ("copy.example"): "copy.example" is on the deny-list (copy.example); a denied host is not reviewed', 'reviewed[2] ("ok.example"): "ok.example" is reviewed twice']);
  });

  it('has every host of the shipped registry reviewed or denied', () => {
    const g = buildGraph(defaultSources());
    expect(unreviewedHosts(g.sources, g.reviewedHosts)).toEqual([]);
  });
});
