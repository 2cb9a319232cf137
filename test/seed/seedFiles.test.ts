import { formatIssue } from '../../src/seed/graph';
import { readSeedFiles } from '../../src/seed/sources/seedFiles';
import { tmpTree } from '../support/tmpdir';

function read(files: Record<string, string>) {
  const dir = tmpTree(files);
  return readSeedFiles(dir, dir);
}

describe('readSeedFiles', () => {
  it('reads node sections and relationships with their provenance', () => {
    const part = read({
      'a.yaml': `
components:
  - id: fit-connect-routing
    name: FIT-Connect Routingdienst
    kind: basisdienst
    source: https://docs.fitko.de/fit-connect/docs/
    aliases: [Routingdienst]
relationships:
  - type: DEPENDS_ON
    from: fit-connect-routing
    to: pvog
    source: https://docs.fitko.de/fit-connect/docs/
    evidence: inferred
    note: why
`,
    });
    expect(part.issues).toEqual([]);
    expect(part.nodes).toEqual([
      expect.objectContaining({
        label: 'Component',
        id: 'fit-connect-routing',
        props: { id: 'fit-connect-routing', name: 'FIT-Connect Routingdienst', kind: 'basisdienst', source: 'https://docs.fitko.de/fit-connect/docs/', aliases: ['Routingdienst'], aliasesText: 'Routingdienst', evidence: 'sourced' },
      }),
    ]);
    expect(part.edges).toEqual([
      expect.objectContaining({ type: 'DEPENDS_ON', from: 'fit-connect-routing', to: 'pvog', props: { source: 'https://docs.fitko.de/fit-connect/docs/', evidence: 'inferred', note: 'why' } }),
    ]);
  });

  it('names file, entry and field of every problem', () => {
    const part = read({
      'bad.yaml': `
organizations:
  - id: org:fitko
    name: FITKO
    level: Bundesland
    source: x
  - id: FITKO
    name: FITKO 2
    level: Bund
  - id: org:empty
    level: Land
    source: x
requirements:
  - id: req:x
    name: X
    level: KANN
    source: x
milestones:
  - id: milestone:x
    name: X
    date: 'next spring'
    source: x
relationships:
  - type: LIKES
    from: a
    to: b
    source: x
  - type: ADOPTS
    from: org:fitko
    to: bundid
    source: x
  - type: ALTERNATIVE_TO
    from: a
    to: b
    source: x
    status: in-use
gadgets: []
`,
    });
    expect(part.issues.map(formatIssue)).toEqual([
      'bad.yaml: organizations[0] (id "org:fitko"): field "level" must be one of Bund, Land, Kommune, EU, international, company, cooperative, got "Bundesland"',
      'bad.yaml: organizations[1] (id "FITKO"): field "source" is required',
      'bad.yaml: organizations[2] (id "org:empty"): field "name" is required',
      'bad.yaml: requirements[0] (id "req:x"): field "level" must be one of MUSS, SOLL, got "KANN"',
      'bad.yaml: requirements[0] (id "req:x"): field "text" is required',
      'bad.yaml: milestones[0] (id "milestone:x"): field "date" must be YYYY, YYYY-MM or YYYY-MM-DD, got "next spring"',
      'bad.yaml: gadgets: field "(section)" is unknown; allowed: components, standards, layers, integrationPoints, organizations, stacks, buildingBlocks, requirements, exceptions, kpis, referencePatterns, milestones, criteria, events, relationships',
      expect.stringMatching(/^bad\.yaml: relationships\[0\] \(LIKES a -> b\): field "type" must be one of PART_OF, USES, /),
      'bad.yaml: relationships[1] (ADOPTS org:fitko -> bundid): field "status" is required for ADOPTS',
      'bad.yaml: relationships[2] (ALTERNATIVE_TO a -> b): field "guidance" is required for ALTERNATIVE_TO',
      // A property the type does not declare is refused, not stored unseen.
      'bad.yaml: relationships[2] (ALTERNATIVE_TO a -> b): field "status" is not a property of ALTERNATIVE_TO; it has guidance (besides source, evidence, sources, note, rule, checked, validFrom, validUntil, proposal, contributedBy, reviewedBy)',
    ]);
  });

  it('checks the id form of each section', () => {
    const part = read({ 'ids.yaml': 'organizations:\n  - { id: fitko, name: FITKO, level: Bund, source: x }\n' });
    expect(part.issues.map(formatIssue)).toEqual(['ids.yaml: organizations[0] (id "fitko"): field "id" must look like org:<slug> (lower case, digits, "-" and "."), got "fitko"']);
  });

  it('turns the references of an exception into relationships', () => {
    const part = read({
      'exc.yaml': 'exceptions:\n  - { id: exc:a, name: A, requirement: req:x, grantedTo: bundid, expires: 2027-12-31, source: x, evidence: inferred }\n',
    });
    expect(part.issues).toEqual([]);
    expect(part.edges.map((e) => [e.type, e.from, e.to, e.props.evidence])).toEqual([
      ['DEVIATES_FROM', 'exc:a', 'req:x', 'inferred'],
      ['GRANTED_FOR', 'exc:a', 'bundid', 'inferred'],
    ]);
  });

  it('reports YAML syntax errors and keeps reading the other files', () => {
    const part = read({ 'a.yaml': 'components: [\n', 'b.yaml': 'criteria:\n  - { id: criterion:dstack:x, name: X, scheme: dstack, source: s }\n' });
    expect(part.issues).toHaveLength(1);
    expect(part.issues[0]).toMatchObject({ file: 'a.yaml', field: '(yaml)' });
    expect(part.nodes.map((n) => n.id)).toEqual(['criterion:dstack:x']);
  });
});
