import type { Graph } from '../../src/seed/assemble';
import type { GraphNode } from '../../src/seed/graph';
import { applyProfiles } from '../../src/seed/profiles';
import type { SourceRegistry } from '../../src/seed/sources/registry';
import type { SourceEntry } from '../../src/model';
import { tmpTree } from '../support/tmpdir';

const source = (id: string, kind: SourceEntry['kind'] = 'official'): SourceEntry => ({
  id,
  url: kind === 'internal' ? null : `https://example.org/${id}`,
  publisher: 'Publisher',
  title: id,
  kind,
  language: 'de',
  published: null,
  retrieved: '2026-12-01',
  via: null,
  note: null,
  titleFromAddress: false,
});

const registry: SourceRegistry = {
  entries: new Map(['vendor-licence', 'itplr-beschluss', 'dstack-opencode-kriterien', 'dstack-graph-criteria-mapping', 'notes'].map((id) => [id, source(id, id === 'notes' || id === 'dstack-graph-criteria-mapping' ? 'internal' : 'official')])),
  denied: [],
};

const node = (label: GraphNode['label'], id: string, props: Record<string, unknown> = {}): GraphNode => ({
  label,
  id,
  origin: `seeds/x.yaml: ${label}[${id}]`,
  props: { id, name: id, source: 'vendor-licence', evidence: 'sourced', ...props } as GraphNode['props'],
});

function graph(): Graph {
  return {
    nodes: [
      node('Component', 'app', { license: 'GPL-2.0', licenseSource: 'dstack-landscape (items/app.json)', oss: true, checksTrue: ['selfHostable', 'dataPortability'], checksFalse: ['euHeadquartered'], ownerType: 'corporation' }),
      node('Component', 'db', { license: 'SSPL-1.0', licenseSource: 'dstack-landscape (items/db.json)', oss: true }),
      node('Standard', 'std'),
      node('Organization', 'org:vendor', { level: 'company', country: 'US' }),
      node('Organization', 'org:land-x', { level: 'Land' }),
      node('Stack', 'stack:germany'),
      ...['digitale-souveraenitaet', 'interoperabilitaet', 'zukunftsfaehigkeit', 'marktrelevanz', 'vertrauenswuerdigkeit', 'nachhaltigkeit'].map((k) => node('Criterion', `criterion:dstack:${k}`)),
    ],
    edges: [{ type: 'INCLUDES', from: 'stack:germany', to: 'app', props: { source: 'vendor-licence', evidence: 'sourced', stage: 'adopt' }, origin: 'x' }],
  };
}

function run(profileYaml: string) {
  const dir = tmpTree({ 'profiles/p.yaml': profileYaml });
  return applyProfiles(graph(), registry, dir, dir, '2026-12-01');
}

describe('profile files', () => {
  it('turns facts into properties and relationships, each with its citations and evidence', () => {
    const { graph: g, issues } = run(`
profiles:
  - item: app
    licence: {spdx: "MIT OR Apache-2.0", source: "vendor-licence (LICENSE)"}
    steward: {org: "org:vendor", source: "vendor-licence"}
    operatingModels:
      - {model: self-hosted, source: "vendor-licence"}
      - {model: public-it-provider, by: "org:land-x", source: "itplr-beschluss ; vendor-licence"}
    obtain:
      - {channel: opencode, url: "https://gitlab.opencode.de/app", source: "vendor-licence"}
    successor: {item: std, source: "itplr-beschluss"}
decisions:
  - {id: "decision:x-1", item: app, stack: "stack:germany", outcome: included, date: 2025-03-26, body: "org:land-x", reference: "B 1", rationale: "Because.", criteria: [{criterion: "criterion:dstack:marktrelevanz", level: met}], source: "itplr-beschluss"}
`);
    expect(issues).toEqual([]);
    const app = g.nodes.find((n) => n.id === 'app') as GraphNode;
    expect(app.props).toMatchObject({
      licence: 'MIT OR Apache-2.0',
      licenceClass: 'permissive',
      licenceSources: ['vendor-licence (LICENSE)'],
      licenceEvidence: 'sourced',
      openSource: true,
      operatingModels: ['self-hosted', 'public-it-provider'],
      operatingModelBy: ['', 'org:land-x'],
      operatingModelSources: ['vendor-licence', 'itplr-beschluss ; vendor-licence'],
      obtainChannels: ['opencode'],
      obtainUrls: ['https://gitlab.opencode.de/app'],
    });
    const types = g.edges.map((e) => `${e.type} ${e.from} ${e.to}`);
    expect(types).toEqual(expect.arrayContaining(['STEWARDS org:vendor app', 'SUCCEEDED_BY app std', 'DECIDES decision:x-1 app', 'DECIDED_BY decision:x-1 org:land-x', 'SCOPED_TO decision:x-1 stack:germany', 'RATES decision:x-1 criterion:dstack:marktrelevanz']));
    // The data set's GPL-2.0 became the current SPDX id with its class; a profile replaced it for app.
    const db = g.nodes.find((n) => n.id === 'db') as GraphNode;
    expect(db.props).toMatchObject({ licence: 'SSPL-1.0', licenceClass: 'source-available', openSource: false, licenceSources: ['dstack-landscape (items/db.json)'] });
    expect(db.props.licenceConflict).toContain('source-available');
    // A German Land sits in Germany (inferred from its level); a stated country stays as stated.
    expect((g.nodes.find((n) => n.id === 'org:land-x') as GraphNode).props).toMatchObject({ country: 'DE', countryEvidence: 'inferred' });
    expect((g.nodes.find((n) => n.id === 'org:vendor') as GraphNode).props).toMatchObject({ country: 'US', countryEvidence: 'sourced' });
    // Six assessments per item; the decision's rating replaces the mapping for that criterion.
    const assessed = g.edges.filter((e) => e.type === 'ASSESSED' && e.from === 'app');
    expect(assessed).toHaveLength(6);
    const rated = assessed.find((e) => e.to === 'criterion:dstack:marktrelevanz');
    expect(rated?.props).toMatchObject({ level: 'met', evidence: 'sourced', decision: 'decision:x-1', source: 'itplr-beschluss' });
    for (const e of assessed.filter((x) => x !== rated)) expect(e.props).toMatchObject({ evidence: 'inferred', mapping: 'mapping:dstack-criteria-v1' });
    // The steward outside the EU makes the eu-steward indicator false.
    const sov = assessed.find((e) => e.to === 'criterion:dstack:digitale-souveraenitaet');
    expect(sov?.props.indicators).toEqual(['open-source=true', 'self-hostable=true', 'data-portability=true', 'eu-steward=false']);
    expect(sov?.props.level).toBe('met');
  });

  it('refuses bad entries, naming file, entry and field', () => {
    const { issues } = run(`
profiles:
  - item: nothing-here
    licence: {spdx: MIT, source: "vendor-licence"}
  - item: app
    licence: {spdx: "Made-Up-1.0", source: "vendor-licence"}
    steward: {org: "org:nobody", source: "vendor-licence"}
    operatingModels:
      - {model: on-a-floppy, source: "vendor-licence"}
    obtain:
      - {channel: opencode, source: "unknown-source"}
    colour: blue
  - item: std
    licence: {spdx: MIT, source: "notes"}
jurisdictions:
  - {org: "org:vendor", country: "Germany", source: "vendor-licence"}
decisions:
  - {id: "decision:y", item: app, outcome: adopted, body: "org:vendor", rationale: "x", source: "itplr-beschluss"}
  - {id: "decision:z", item: app, outcome: included, date: "next year", body: "org:vendor", rationale: "x", source: "itplr-beschluss"}
`);
    const lines = issues.map((i) => `${i.file}: ${i.entry}: ${i.field}: ${i.message}`);
    const expectLine = (re: RegExp): void => {
      expect(lines.some((l) => re.test(l))).toBe(true);
    };
    expectLine(/profiles\/p\.yaml: profiles\[0\] \("nothing-here"\): item: must be the id of a component or standard/);
    expectLine(/profiles\[1\] \("app"\): licence\.spdx: "Made-Up-1\.0" is not in the licence table/);
    expectLine(/profiles\[1\] \("app"\): steward\.org: must be the id of an organisation/);
    expectLine(/profiles\[1\] \("app"\): operatingModels\[0\]\.model: must be one of self-hosted/);
    expectLine(/profiles\[1\] \("app"\): obtain\[0\]\.source: names "unknown-source", which is no source of the registry/);
    expectLine(/profiles\[1\] \("app"\): colour: is no field of a profile/);
    expectLine(/profiles\[2\] \("std"\): licence\.source: cites only internal notes/);
    expectLine(/jurisdictions\[0\] \("org:vendor"\): country: must be an ISO 3166-1 alpha-2 code/);
    expectLine(/decisions\[0\] \("decision:y"\): outcome: must be one of included/);
    expectLine(/decisions\[1\] \("decision:z"\): date: must be YYYY, YYYY-MM or YYYY-MM-DD/);
  });
});

describe('conflicts, evidence and time in profile files (issue 22)', () => {
  const runFiles = (files: Record<string, string>) => {
    const dir = tmpTree(files);
    return applyProfiles(graph(), { ...registry, entries: new Map([...registry.entries, ['a-blog', source('a-blog', 'secondary')], ['a-paper', source('a-paper', 'press')]]) }, dir, dir, '2026-12-01');
  };
  const conflicts = (g: Graph, id: string) => ((g.nodes.find((n) => n.id === id)?.props.conflicts as string[] | undefined) ?? []).map((c) => JSON.parse(c) as Record<string, string>);

  it('refuses two files stating one licence differently, naming both', () => {
    const { issues } = runFiles({
      'profiles/a.yaml': 'profiles:\n  - item: app\n    licence: {spdx: MIT, source: "vendor-licence"}\n',
      'profiles/b.yaml': 'profiles:\n  - item: app\n    licence: {spdx: Apache-2.0, source: "itplr-beschluss"}\n',
    });
    expect(issues.map((i) => `${i.file}: ${i.entry}: ${i.field}: ${i.message}`)).toEqual([
      expect.stringMatching(/b\.yaml: profiles\[0\] \("app"\): licence\.\(fact\): states licence "Apache-2\.0", but .*a\.yaml: profiles\[0\] \("app"\) states "MIT"; remove one, or say in `overrides`/),
    ]);
  });

  it('lets the statement that says why it overrides hold, and records the conflict on the item', () => {
    const { graph: g, issues } = runFiles({
      'profiles/a.yaml': 'profiles:\n  - item: app\n    licence: {spdx: MIT, overrides: "the project\'s own LICENSE", source: "vendor-licence"}\n',
      'profiles/b.yaml': 'profiles:\n  - item: app\n    licence: {spdx: Apache-2.0, source: "itplr-beschluss"}\n',
    });
    expect(issues).toEqual([]);
    expect(g.nodes.find((n) => n.id === 'app')?.props.licence).toBe('MIT');
    expect(conflicts(g, 'app')).toContainEqual(expect.objectContaining({ field: 'licence', value: 'MIT', overridden: 'Apache-2.0', reason: "the project's own LICENSE" }));
  });

  it("records a researched licence over the data set's, and agreeing statements are no conflict", () => {
    const { graph: g, issues } = runFiles({
      'profiles/a.yaml': 'profiles:\n  - item: db\n    licence: {spdx: AGPL-3.0-only, source: "vendor-licence"}\n',
      'profiles/b.yaml': 'profiles:\n  - item: db\n    licence: {spdx: AGPL-3.0-only, source: "itplr-beschluss"}\n',
    });
    expect(issues).toEqual([]);
    expect(conflicts(g, 'db')).toContainEqual(expect.objectContaining({ field: 'licence', value: 'AGPL-3.0-only', overridden: 'SSPL-1.0' }));
    expect(conflicts(g, 'db').filter((c) => c.field === 'licence')).toHaveLength(1);
  });

  it('marks a fact resting on press or secondary sources only as secondary', () => {
    const { graph: g, issues } = runFiles({
      'profiles/a.yaml': 'profiles:\n  - item: app\n    licence: {spdx: MIT, source: "a-blog ; a-paper"}\n  - item: db\n    endOfSupport: {date: 2027-01-01, version: "7", source: "a-blog ; vendor-licence"}\n',
    });
    expect(issues).toEqual([]);
    const app = g.nodes.find((n) => n.id === 'app')?.props;
    const db = g.nodes.find((n) => n.id === 'db')?.props;
    expect(app?.licenceEvidence).toBe('secondary');
    expect([db?.endOfSupport, db?.endOfSupportVersion, db?.endOfSupportEvidence]).toEqual(['2027-01-01', '7', 'sourced']);
  });

  it('reads editions, standard kinds, security and transition periods, and refuses what is not one', () => {
    const { graph: g, issues } = runFiles({
      'profiles/a.yaml': `profiles:
  - item: app
    editions: [{name: CE, licence: MIT, source: "vendor-licence"}, {name: EE, licence: LicenseRef-proprietary, source: "vendor-licence"}]
    security: {policy: "https://example.org/security", sbom: true, source: "vendor-licence"}
    successor: {item: db, since: 2024-01, until: 2027-12-31, note: "transition", source: "itplr-beschluss"}
  - item: std
    standardKind: {kind: de-jure, binding: "§ 4", bindingFor: [Bund], source: "itplr-beschluss"}
  - item: db
    standardKind: {kind: de-jure, source: "itplr-beschluss"}
    security: {policy: "not an address", source: "vendor-licence"}
`,
    });
    const app = g.nodes.find((n) => n.id === 'app')?.props;
    expect([app?.editionNames, app?.editionClasses, app?.securityPolicy, app?.sbom]).toEqual([['CE', 'EE'], ['permissive', 'proprietary'], 'https://example.org/security', true]);
    expect(g.nodes.find((n) => n.id === 'std')?.props).toMatchObject({ standardKind: 'de-jure', bindingFor: ['Bund'] });
    expect(g.edges.find((e) => e.type === 'SUCCEEDED_BY')?.props).toMatchObject({ since: '2024-01', until: '2027-12-31', note: 'transition' });
    expect(issues.map((i) => `${i.field}: ${i.message}`)).toEqual(['standardKind.(fact): applies to standards only', 'security.policy: must be an http(s) address, got "not an address"']);
  });
});
