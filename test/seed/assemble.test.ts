import { assemble } from '../../src/seed/assemble';
import { formatIssue, type GraphEdge, type GraphNode, type GraphPart } from '../../src/seed/graph';

const node = (label: GraphNode['label'], id: string, origin: string, extra: Record<string, string> = {}, enrichable = false): GraphNode => ({
  label,
  id,
  origin,
  enrichable,
  props: { id, name: id, source: `src-${origin}`, evidence: 'sourced', ...extra },
});
const edge = (type: GraphEdge['type'], from: string, to: string, origin: string, extra: Record<string, string> = {}): GraphEdge => ({
  type,
  from,
  to,
  origin,
  props: { source: 's', evidence: 'sourced', ...extra },
});
const part = (nodes: GraphNode[], edges: GraphEdge[] = []): GraphPart => ({ nodes, edges, issues: [] });

describe('assemble', () => {
  it('lets a seed entry enrich a landscape item of the same id and label, keeping both sources', () => {
    const { graph, issues } = assemble([
      part([node('Component', 'bundid', 'items/bundid.json', { kind: 'technology', homepage: 'https://id.bund.de/' }, true)]),
      part([node('Component', 'bundid', 'seeds/components.yaml: components[0]', { kind: 'basisdienst' })]),
    ]);
    expect(issues).toEqual([]);
    expect(graph.nodes).toHaveLength(1);
    expect(graph.nodes[0]?.props).toEqual({
      id: 'bundid',
      name: 'bundid',
      kind: 'basisdienst',
      homepage: 'https://id.bund.de/',
      evidence: 'sourced',
      source: 'src-items/bundid.json ; src-seeds/components.yaml: components[0]',
    });
  });

  it('refuses the same id twice, and a seed entry that changes a landscape label', () => {
    const { issues } = assemble([
      part([node('Standard', 'open-id-connect-oidc', 'items/oidc.json', {}, true), node('Component', 'pvog', 'seeds/a.yaml: components[0]')]),
      part([node('Component', 'open-id-connect-oidc', 'seeds/b.yaml: components[1]'), node('Component', 'pvog', 'seeds/b.yaml: components[2]')]),
    ]);
    expect(issues.map(formatIssue)).toEqual([
      'seeds/b.yaml: components[1]: field "id" "open-id-connect-oidc" is a Standard of the landscape (items/oidc.json); list it in that section to enrich it',
      'seeds/b.yaml: components[2]: field "id" "pvog" is already defined at seeds/a.yaml: components[0]',
    ]);
  });

  it('checks that relationship ends exist and have the labels the type allows', () => {
    const { graph, issues } = assemble([
      part(
        [node('Component', 'fit-connect', 'x'), node('Component', 'pvog', 'x'), node('Standard', 'xzufi', 'x'), node('Organization', 'org:fitko', 'x')],
        [
          edge('DEPENDS_ON', 'fit-connect', 'pvog', 'f.yaml: relationships[0]'),
          edge('DEPENDS_ON', 'fit-connect', 'nowhere', 'f.yaml: relationships[1]'),
          edge('IMPLEMENTS', 'pvog', 'org:fitko', 'f.yaml: relationships[2]'),
          edge('DEPENDS_ON', 'fit-connect', 'pvog', 'f.yaml: relationships[3]'),
          edge('PART_OF', 'pvog', 'org:fitko', 'f.yaml: relationships[4]'),
          edge('DEPENDS_ON', 'pvog', 'pvog', 'f.yaml: relationships[5]'),
          edge('ALTERNATIVE_TO', 'fit-connect', 'pvog', 'f.yaml: relationships[6]', { guidance: 'g' }),
          edge('ALTERNATIVE_TO', 'pvog', 'fit-connect', 'f.yaml: relationships[7]', { guidance: 'g' }),
        ],
      ),
    ]);
    expect(issues.map(formatIssue)).toEqual([
      'f.yaml: relationships[1]: field "to" "nowhere" is no known id',
      'f.yaml: relationships[2]: field "to" "org:fitko" is a Organization; IMPLEMENTS ends at Standard',
      'f.yaml: relationships[3]: field "to" DEPENDS_ON fit-connect -> pvog is already stated at f.yaml: relationships[0]',
      'f.yaml: relationships[4]: field "to" PART_OF joins nodes of one label (or the catalogue chain), got Component -> Organization',
      'f.yaml: relationships[5]: field "to" "pvog" points to itself',
      'f.yaml: relationships[7]: field "to" ALTERNATIVE_TO pvog -> fit-connect is already stated at f.yaml: relationships[6]',
    ]);
    expect(graph.edges.map((e) => `${e.type} ${e.from} ${e.to}`)).toEqual(['DEPENDS_ON fit-connect pvog', 'ALTERNATIVE_TO fit-connect pvog']);
  });

  it('passes on the issues the sources found', () => {
    const issue = { file: 'a.csv', entry: 'row 2', field: 'id', message: 'is required' };
    expect(assemble([{ nodes: [], edges: [], issues: [issue] }]).issues).toEqual([issue]);
  });
});
