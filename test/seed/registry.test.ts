import { formatIssue } from '../../src/seed/graph';
import { resolveCitations } from '../../src/seed/citations';
import { readSourceRegistry } from '../../src/seed/sources/registry';
import { parseCitations } from '../../src/model';
import { tmpTree } from '../support/tmpdir';

const DENY = `denied:\n  - {domain: profilbaru.com, copies: "Wikipedia articles"}\n  - {domain: r.udger.shop, copies: "heise online"}\n`;

function registry(files: Record<string, string>) {
  const dir = tmpTree({ 'deny-list.yaml': DENY, ...files });
  return readSourceRegistry(dir, dir);
}

describe('the source registry', () => {
  it('reads entries from sources.yaml and the sources sections of links/*.yaml', () => {
    const { registry: r, issues } = registry({
      'sources.yaml': 'sources:\n  - {id: heise-11225804, url: "https://www.heise.de/-11225804", publisher: heise online, title: T, kind: press, language: de, retrieved: 2026-11-29}\n',
      'links/x.yaml': 'sources:\n  - {id: fitko-pvog, url: "https://www.fitko.de/produktmanagement/pvog", kind: official}\n',
    });
    expect(issues).toEqual([]);
    expect([...r.entries.keys()]).toEqual(['heise-11225804', 'fitko-pvog']);
    expect(r.entries.get('heise-11225804')).toMatchObject({ kind: 'press', retrieved: '2026-11-29', url: 'https://www.heise.de/-11225804' });
  });

  it('refuses an address on the deny-list, naming file, entry and field', () => {
    const { issues } = registry({ 'sources.yaml': 'sources:\n  - {id: bundid-copy, url: "https://profilbaru.com/de/BundID", kind: secondary}\n  - {id: heise-copy, url: "https://sub.r.udger.shop/en/x", kind: press}\n' });
    expect(issues.map(formatIssue)).toEqual([
      'sources.yaml: sources[0] (id "bundid-copy"): field "url" "https://profilbaru.com/de/BundID" is on the deny-list (profilbaru.com copies Wikipedia articles); cite the original publisher\'s address',
      'sources.yaml: sources[1] (id "heise-copy"): field "url" "https://sub.r.udger.shop/en/x" is on the deny-list (r.udger.shop copies heise online); cite the original publisher\'s address',
    ]);
  });

  it('refuses a second entry for one address, a duplicate id, an unknown kind and a missing address', () => {
    const { issues } = registry({
      'sources.yaml': [
        'sources:',
        '  - {id: a, url: "https://www.fitko.de/x/", kind: official}',
        '  - {id: b, url: "http://fitko.de/x", kind: official}',
        '  - {id: a, url: "https://example.org/a", kind: official}',
        '  - {id: c, url: "https://example.org/c", kind: blog}',
        '  - {id: d, kind: press}',
        '  - {id: e, url: "https://example.org/e", kind: press, published: "March 2026"}',
        '  - {id: f, url: "https://de.wikipedia.org/wiki/BundID", kind: secondary}',
        '  - {id: g, url: "https://de.wikipedia.org/wiki/Bundid", kind: secondary}',
      ].join('\n'),
    });
    expect(issues.map((i) => `${i.entry} ${i.field}`)).toEqual(['sources[1] (id "b") url', 'sources[2] (id "a") id', 'sources[3] (id "c") kind', 'sources[4] (id "d") url', 'sources[5] (id "e") published']);
  });

  it('parses citations with locators and rejects text that is no id', () => {
    expect(parseCitations('heise-11225804 (page 2) ; wikipedia-de-bundid')).toEqual({ citations: [{ id: 'heise-11225804', locator: 'page 2' }, { id: 'wikipedia-de-bundid', locator: null }] });
    expect(parseCitations('dstack-landscape (items/*.json (sublayer))')).toEqual({ citations: [{ id: 'dstack-landscape', locator: 'items/*.json (sublayer)' }] });
    expect(parseCitations('https://profilbaru.com/de/BundID')).toEqual({ error: expect.stringContaining('is not a source id') });
    // A locator may hold ";" inside its parentheses.
    expect(parseCitations('ozg-1a (Abs. 1; Abs. 3) ; ozg-1')).toEqual({ citations: [{ id: 'ozg-1a', locator: 'Abs. 1; Abs. 3' }, { id: 'ozg-1', locator: null }] });
  });

  it('refuses an unknown source on a node or relationship, and a sourced fact resting on internal notes only', () => {
    const { registry: r } = registry({ 'sources.yaml': 'sources:\n  - {id: ok, url: "https://example.org/ok", kind: official}\n  - {id: notes, kind: internal}\n' });
    const node = (id: string, source: string, evidence = 'sourced') => ({ label: 'Component' as const, id, origin: `seeds/c.yaml: components[0] (id "${id}")`, props: { id, name: id, source, evidence } });
    const { graph, issues } = resolveCitations(
      {
        nodes: [node('a', 'ok (p. 2)'), node('b', 'nope'), node('c', 'notes (section 6)'), node('d', 'notes', 'inferred')],
        edges: [{ type: 'DEPENDS_ON', from: 'a', to: 'd', origin: 'seeds/c.yaml: relationships[0] (DEPENDS_ON a -> d)', props: { source: 'ok ; missing', evidence: 'sourced' } }],
      },
      r,
    );
    expect(issues.map(formatIssue)).toEqual([
      'seeds/c.yaml: components[0] (id "b"): field "source" names "nope", which is no source of the registry; add it to seeds/sources.yaml (or a sources: section) with its canonical address',
      'seeds/c.yaml: components[0] (id "c"): field "source" cites only internal notes, so the fact is not sourced: cite the publisher, or mark it evidence: inferred',
      'seeds/c.yaml: relationships[0] (DEPENDS_ON a -> d): field "source" names "missing", which is no source of the registry; add it to seeds/sources.yaml (or a sources: section) with its canonical address',
    ]);
    expect(graph.nodes[0]?.props).toMatchObject({ sources: ['ok (p. 2)'], source: 'https://example.org/ok (p. 2)' });
    expect(graph.sources.find((s) => s.id === 'ok')).toMatchObject({ nodeCount: 1, relationshipCount: 0 });
    expect(graph.sources.find((s) => s.id === 'notes')).toMatchObject({ nodeCount: 2 });
  });
});
