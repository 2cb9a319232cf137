import { formatIssue } from '../../src/seed/graph';
import { readLandscape, slug } from '../../src/seed/sources/landscape';
import { tmpTree } from '../support/tmpdir';

const item = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id, name: id.toUpperCase(), layer: 'platform', sublayer: 'integration', description: { de: 'de', en: 'en' }, tags: ['t'], oss: true, maturity: 'graduated', sovereigntyCriteria: { openSource: true, hasAudit: false, ownerType: 'community' }, ...extra });

function landscape(files: Record<string, string>) {
  const dir = tmpTree({
    'layers/platform.json': JSON.stringify({ id: 'platform', order: 2, name: { de: 'Plattform', en: 'Platform' } }),
    'items.csv': 'name,category,subcategory\nKUBERNETES, Plattform, Integration\n',
    ...files,
  });
  return readLandscape(dir, new Map([['hypertext-transfer-protocol-http', 'IETF']]), dir);
}

describe('readLandscape', () => {
  it('makes standards and components, layers, criteria, dependencies and stack inclusions', () => {
    const part = landscape({
      'items/kubernetes.json': item('kubernetes', { dependencies: [{ targetItemId: 'hypertext-transfer-protocol-http', type: 'protocol', scope: 'required' }, { targetItemId: 'etcd', type: 'runtime', scope: 'required' }] }),
      'items/http.json': item('hypertext-transfer-protocol-http'),
      'items/etcd.json': item('etcd'),
      'stacks/germany.json': JSON.stringify({ id: 'germany', name: { de: 'Deutschland Stack' }, items: [{ itemId: 'kubernetes', status: 'approved', role: 'consumer' }] }),
    });
    expect(part.issues).toEqual([]);
    const byId = new Map(part.nodes.map((n) => [n.id, n]));
    expect(byId.get('kubernetes')).toMatchObject({ label: 'Component', props: { kind: 'technology', ownerType: 'community', tags: ['t'] } });
    expect(byId.get('hypertext-transfer-protocol-http')).toMatchObject({ label: 'Standard', props: { family: 'IETF' } });
    expect(byId.get('layer:landscape:platform/integration')?.label).toBe('Layer');
    expect(byId.get('layer:landkarte:plattform/integration')?.label).toBe('Layer');
    expect(byId.get('criterion:sovereignty:opensource')?.label).toBe('Criterion');
    expect(byId.get('stack:germany')?.props.name).toBe('Deutschland Stack');
    const edges = part.edges.map((e) => `${e.type} ${e.from} ${e.to}`);
    expect(edges).toEqual(
      expect.arrayContaining([
        'IMPLEMENTS kubernetes hypertext-transfer-protocol-http',
        'DEPENDS_ON kubernetes etcd',
        'MEETS kubernetes criterion:sovereignty:opensource',
        'IN_LAYER kubernetes layer:landscape:platform/integration',
        'IN_LAYER kubernetes layer:landkarte:plattform/integration',
        'INCLUDES stack:germany kubernetes',
        'PART_OF layer:landscape:platform/integration layer:landscape:platform',
      ]),
    );
    expect(edges).not.toContain('MEETS kubernetes criterion:sovereignty:hasaudit');
  });

  it('names the stack entry that references an unknown item, and an item without a layer', () => {
    const part = landscape({
      'items/a.json': JSON.stringify({ id: 'a', name: 'A', layer: 'nowhere', sublayer: 'x' }),
      'stacks/s.json': JSON.stringify({ id: 's', name: { de: 'S' }, items: [{ itemId: 'ghost', status: 'approved' }] }),
    });
    expect(part.issues.map(formatIssue)).toEqual([
      'items/a.json: item "a": field "layer" "nowhere" is no layer of layers/',
      'stacks/s.json: stack "s" items[0]: field "itemId" "ghost" is no item of items/',
    ]);
  });
});

describe('slug', () => {
  it('turns German names into id parts', () => {
    expect(slug(' Straßen & Wege Ü ')).toBe('strassen-wege-ue');
  });
});
