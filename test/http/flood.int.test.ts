import { createHash } from 'node:crypto';
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import zlib from 'node:zlib';
import fc from 'fast-check';
import type { Db } from '../../src/neo4j/db';
import { mapPool, rawRequest, startApi, tally, type RawAnswer, type RunningApi } from '../support/http';
import { holdTimingLock } from '../support/timingLock';

// Latency figures or a hard load: no other such file runs beside this one (test/support/timingLock.ts).
let releaseTimingLock: () => void = () => undefined;
beforeAll(async () => {
  releaseTimingLock = await holdTimingLock();
}, 900_000);
afterAll(() => releaseTimingLock());

// A property-based flood of bad and hostile requests over real HTTP: wrong argument types, out of
// range numbers, hostile strings (quotes, Lucene syntax, Cypher fragments, control characters,
// RTL marks, emoji, long strings), unknown fields, malformed GraphQL, malformed HTTP bodies, odd GET
// query strings, mutations and subscriptions, limits (depth, aliases, directives, tokens, size).
// Every answer must be a JSON answer below 500 with a code on every error, no internals (stack,
// paths, Cypher, driver or Lucene text), never INTERNAL_SERVER_ERROR; the graph must be unchanged.
// FLOOD_SEED=<n> replays a run; FLOOD_RUNS=<n> changes the number of requests.

const RUNS = Number(process.env.FLOOD_RUNS ?? 10_000);
const SEED = Number(process.env.FLOOD_SEED ?? Math.floor(Math.random() * 2 ** 31));
const CONCURRENCY = 12;

// ---------------------------------------------------------------------------------------------
// Requests

/** One HTTP request of the flood. */
interface FloodRequest {
  /** Which generator made it (for the figures). */
  readonly family: string;
  readonly method: string;
  /** Path and query string, starting with "/". */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
  /** What the request said in plain text (uncompressed, URL-decoded): an answer may echo it back. */
  readonly echo: string;
}

/** A GraphQL request before it is put on the wire; `variables` is JSON text (it may be invalid on purpose). */
interface Payload {
  readonly query?: unknown;
  readonly variables?: string;
  readonly operationName?: unknown;
  readonly extensions?: unknown;
}

const KNOWN_IDS = ['bundid', 'fit-connect', 'epaybl', 'leika:99107023017000', 'stack:germany', 'stack:govstack'];
const LABELS = ['Component', 'Service', 'Standard', 'Layer', 'Organization', 'Stack', 'Topic', 'Requirement'];
const REL_TYPES = ['DEPENDS_ON', 'USES', 'IMPLEMENTS', 'PART_OF', 'IN_LAYER', 'INCLUDES'];

const safeDecode = (s: string): string => {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
};

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

/** Strings that break naive escaping, Lucene queries, Cypher text, terminals and length checks. */
const HOSTILE: readonly string[] = [
  '',
  ' ',
  '"',
  "'",
  '\\',
  '\\"',
  "\\'",
  "') DETACH DELETE n //",
  "' OR 1=1 //",
  '" OR 1=1 //',
  "x' }) DETACH DELETE n //",
  '}) DETACH DELETE n WITH 1 AS x //',
  "'; CALL db.clearQueryCaches() //",
  'CALL apoc.periodic.iterate("x")',
  '$id',
  '{id}',
  'n.id',
  '`',
  '``',
  '/* */',
  '//',
  'AND',
  'OR',
  'NOT',
  'TO',
  'a AND',
  'AND OR NOT TO',
  '*',
  '?',
  '~',
  'x~',
  'x~0.5',
  '"',
  '"unclosed',
  '"a b"~3',
  '(',
  ')',
  '((((',
  '[',
  ']',
  '{',
  '}',
  '[a TO z]',
  '{a TO z}',
  '^',
  'a^100',
  ':',
  'name:x',
  '*:*',
  '!',
  '+',
  '-',
  '+-',
  '&&',
  '||',
  '/',
  '/re.*gex/',
  'Wohn*',
  'Wohngeld~',
  'Wohngeld',
  'a',
  'e',
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u0007\u001b[31m\u001f',
  '\r\n',
  '\t',
  '\u2028\u2029',
  '\u202e\u202d',
  '\u200f\u200e',
  '\u200b',
  '\u200b\u200b\u200b',
  '\ufeff',
  '\u3000',
  '\ud800',
  '\udfff',
  'a\ud83d',
  '😀',
  '👨‍👩‍👧‍👦',
  '🏳️‍🌈',
  'e\u0301',
  'ä ö ü ß',
  'שלום',
  'مرحبا',
  '𝕏𝕐',
  '﷽',
  'Ω≈ç√∫',
  'a'.repeat(1000),
  'Wohngeld '.repeat(20),
  '😀'.repeat(500),
  'x '.repeat(300),
  'a'.repeat(199),
  'a'.repeat(200),
  'a'.repeat(201),
  'w '.repeat(16).trim(),
  'w '.repeat(17).trim(),
  '%00',
  '%s%n%x',
  '${jndi:ldap://x}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'C:\\Windows\\',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '1e308',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'leika:',
  'leika:99107023017000 ',
  ' bundid',
  'BUNDID',
  'bundid\u0000',
  'stack:*',
  'test-',
];

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 150, maxLength: 260 }) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...HOSTILE.filter((s) => s.length < 50)), { minLength: 2, maxLength: 6 }).map((xs) => xs.join(' ')) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...HOSTILE.filter((s) => s.length < 50)), { minLength: 2, maxLength: 6 }).map((xs) => xs.join('')) },
  { weight: 1, arbitrary: fc.constantFrom(...KNOWN_IDS).chain((id) => fc.constantFrom(`${id}'`, `${id}"`, `${id}\\`, `${id} OR 1=1`, `${id}*`, `${id}~`, id.toUpperCase(), ` ${id} `)) },
);

/** A GraphQL string literal (JSON escapes are GraphQL escapes; a lone surrogate is a parse error, also wanted). */
const gqlString = (s: string): string => JSON.stringify(s);

/** JSON text of any value: scalars of every type, lists, objects, nesting. */
const anyJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('null', 'true', 'false', '0', '-1', '1.5', '1e308', '1e999', '-1e999', '"NaN"', '[]', '{}', '[[[]]]', '{"a":{"b":{"c":1}}}', '"x"', '[1,"a",null]'),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  hostileString.map((s) => JSON.stringify(s)),
);

type ArgKind = 'int' | 'id' | 'string' | 'idList' | 'stringList' | 'labelList' | 'filter' | 'cursor';
interface ArgSpec {
  readonly kind: ArgKind;
  /** The argument's GraphQL type, for variable declarations. */
  readonly type: string;
  /** Good values that keep the request cheap (text that is both a GraphQL literal and JSON); default: the kind's. */
  readonly good?: readonly string[];
}

/** Good and bad values of each kind, as GraphQL literals and as JSON variable values. */
const VALUES: Record<ArgKind, { goodLit: fc.Arbitrary<string>; badLit: fc.Arbitrary<string>; goodJson: fc.Arbitrary<string>; badJson: fc.Arbitrary<string> }> = {
  int: {
    goodLit: fc.integer({ min: 1, max: 5 }).map(String),
    badLit: fc.oneof(
      fc.constantFrom('-1', '0', '2147483648', '-2147483649', '2147483647', '1e308', '1.5', '"NaN"', '"1"', '"-1"', 'NaN', 'Infinity', 'null', 'true', '[1]', '{a: 1}', 'FOO', '99999999999999999999', '0x10', '-0', '""', '"""1"""', '1001', '501', '101', '11', '4'),
      fc.integer().map(String),
      hostileString.map(gqlString),
    ),
    goodJson: fc.integer({ min: 1, max: 5 }).map(String),
    badJson: fc.oneof(
      fc.constantFrom('-1', '0', '2147483648', '-2147483649', '2147483647', '1e308', '1e999', '-1e999', '"NaN"', '"1"', '"1e308"', '1.5', 'null', 'true', '[]', '[1]', '{}', '{"a":1}', '""', '-0', '1.0', '1E1', '123456789012345678901234567890', '9007199254740993', '1001', '501', '101', '11', '4'),
      fc.integer().map(String),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
      hostileString.map((s) => JSON.stringify(s)),
    ),
  },
  id: {
    goodLit: fc.constantFrom(...KNOWN_IDS).map(gqlString),
    badLit: fc.oneof(
      { weight: 5, arbitrary: hostileString.map(gqlString) },
      { weight: 2, arbitrary: fc.constantFrom('123', '-1', '1.5', '1e308', '{a: 1}', '{id: "bundid"}', '["bundid"]', '[]', 'null', 'true', 'bundid', 'FOO', '"""bundid"""', '"""a\\"""b"""', '$') },
    ),
    goodJson: fc.constantFrom(...KNOWN_IDS).map((s) => JSON.stringify(s)),
    badJson: fc.oneof(
      { weight: 5, arbitrary: hostileString.map((s) => JSON.stringify(s)) },
      { weight: 2, arbitrary: fc.constantFrom('{"a":1}', '{"id":"bundid"}', '["bundid"]', '[1,2]', '1.5', '123', '1e999', 'null', 'true', '[]', '{}', '{"$ne":null}') },
    ),
  },
  string: {
    goodLit: fc.constantFrom('"Wohngeld"', '"Land"', '"Kommune"', '"BundID"'),
    badLit: fc.oneof(
      { weight: 5, arbitrary: hostileString.map(gqlString) },
      { weight: 1, arbitrary: fc.constantFrom('1', '1.5', '{a: 1}', '["x"]', 'null', 'true', 'Land', '"""multi\nline"""') },
    ),
    goodJson: fc.constantFrom('"Wohngeld"', '"Land"', '"Kommune"'),
    badJson: fc.oneof({ weight: 5, arbitrary: hostileString.map((s) => JSON.stringify(s)) }, { weight: 1, arbitrary: fc.constantFrom('1', '{"a":1}', '["x"]', 'null', 'true', '{}') }),
  },
  idList: {
    goodLit: fc.subarray(KNOWN_IDS, { minLength: 1 }).map((xs) => `[${xs.map(gqlString).join(', ')}]`),
    badLit: fc.oneof(
      fc.array(hostileString, { maxLength: 5 }).map((xs) => `[${xs.map(gqlString).join(', ')}]`),
      hostileString.map(gqlString),
      fc.constantFrom('[{a: 1}]', '[[["bundid"]]]', '[null]', 'null', '[]', '[1.5]', '{a: 1}', '[bundid]', '[true, 1, "x"]'),
      fc.integer({ min: 1, max: 400 }).map((n) => `${'['.repeat(n)}"bundid"${']'.repeat(n)}`),
      fc.integer({ min: 20, max: 300 }).map((n) => `[${Array.from({ length: n }, (_, i) => gqlString(KNOWN_IDS[i % KNOWN_IDS.length] as string)).join(',')}]`),
    ),
    goodJson: fc.subarray(KNOWN_IDS, { minLength: 1 }).map((xs) => JSON.stringify(xs)),
    badJson: fc.oneof(
      fc.array(hostileString, { maxLength: 5 }).map((xs) => JSON.stringify(xs)),
      hostileString.map((s) => JSON.stringify(s)),
      fc.constantFrom('[{"a":1}]', '[[["bundid"]]]', '[null]', 'null', '[]', '[1.5]', '{}', '{"0":"bundid"}', '[true,1,"x"]'),
      fc.integer({ min: 1, max: 2000 }).map((n) => JSON.stringify(Array.from({ length: n }, (_, i) => KNOWN_IDS[i % KNOWN_IDS.length]))),
      fc.integer({ min: 1, max: 20_000 }).map((n) => `${'['.repeat(n)}"bundid"${']'.repeat(n)}`),
    ),
  },
  stringList: {
    goodLit: fc.subarray(REL_TYPES, { minLength: 1 }).map((xs) => `[${xs.map(gqlString).join(', ')}]`),
    badLit: fc.oneof(
      fc.array(hostileString, { maxLength: 5 }).map((xs) => `[${xs.map(gqlString).join(', ')}]`),
      fc.constantFrom('[DEPENDS_ON]', '[null]', '[1]', '{a: 1}', '"DEPENDS_ON|USES"', '["DEPENDS_ON`]->() DETACH DELETE n //"]', '["*"]', '[""]'),
    ),
    goodJson: fc.subarray(REL_TYPES, { minLength: 1 }).map((xs) => JSON.stringify(xs)),
    badJson: fc.oneof(
      fc.array(hostileString, { maxLength: 5 }).map((xs) => JSON.stringify(xs)),
      fc.constantFrom('[null]', '[1]', '{}', '"DEPENDS_ON|USES"', '["DEPENDS_ON`]->() DETACH DELETE n //"]', '["*"]', '[""]', '[[]]'),
    ),
  },
  labelList: {
    goodLit: fc.subarray(LABELS, { minLength: 1 }).map((xs) => `[${xs.map(gqlString).join(', ')}]`),
    badLit: fc.oneof(
      fc.array(hostileString, { maxLength: 5 }).map((xs) => `[${xs.map(gqlString).join(', ')}]`),
      fc.constantFrom('[Component]', '[null]', '[1]', '{a: 1}', '["Component:Service"]', '["Component`) DETACH DELETE n //"]', '["GraphNode"]', '["component"]', '[""]'),
    ),
    goodJson: fc.subarray(LABELS, { minLength: 1 }).map((xs) => JSON.stringify(xs)),
    badJson: fc.oneof(
      fc.array(hostileString, { maxLength: 5 }).map((xs) => JSON.stringify(xs)),
      fc.constantFrom('[null]', '[1]', '{}', '["Component:Service"]', '["GraphNode"]', '["component"]', '[""]', '[[]]'),
    ),
  },
  filter: {
    goodLit: fc.constantFrom('{text: "a"}', '{evidence: sourced}', '{layer: "x"}', '{level: "Land"}', '{}'),
    badLit: fc.oneof(
      fc.constantFrom('{nope: 1}', '{text: 1}', '{evidence: maybe}', '{evidence: "sourced"}', '{layer: {a: 1}}', '"x"', '[{}]', '{text: "a", text: "b"}', 'null', '{text: null, evidence: null}', '{kind: ["a"]}'),
      hostileString.map((s) => `{text: ${gqlString(s)}}`),
      hostileString.map((s) => `{layer: ${gqlString(s)}, kind: ${gqlString(s)}, family: ${gqlString(s)}, level: ${gqlString(s)}, scheme: ${gqlString(s)}}`),
      fc.integer({ min: 1, max: 300 }).map((n) => `${'{text: '.repeat(n)}"a"${'}'.repeat(n)}`),
    ),
    goodJson: fc.constantFrom('{"text":"a"}', '{"evidence":"sourced"}', '{}'),
    badJson: fc.oneof(
      fc.constantFrom('{"nope":1}', '{"evidence":"maybe"}', '{"text":{"$ne":null}}', '{"__proto__":{"text":"a"}}', '{"constructor":{"prototype":{"x":1}}}', '[]', '"x"', '1', '{"text":["a"]}', '{"layer":{}}'),
      hostileString.map((s) => JSON.stringify({ text: s })),
      hostileString.map((s) => JSON.stringify({ layer: s, kind: s, family: s, level: s, scheme: s, evidence: 'inferred' })),
      fc.integer({ min: 1, max: 10_000 }).map((n) => `${'{"text":'.repeat(n)}"a"${'}'.repeat(n)}`),
    ),
  },
  cursor: {
    goodLit: fc.integer({ min: 0, max: 3 }).map((n) => gqlString(b64(`offset:${n}`))),
    badLit: fc.oneof(
      hostileString.map(gqlString),
      fc
        .constantFrom('offset:-1', 'offset:1e5', 'offset:99999999999999999999999', `offset:${'9'.repeat(400)}`, 'offset:9007199254740993', 'offset:9223372036854775807', 'offset:9223372036854775800', 'offset:2147483647', 'offset:', 'offset:0x10', 'offset: 1', 'offset:1\n', 'offset:١٢')
        .map((s) => gqlString(b64(s))),
      fc.constantFrom('"offset:1"', '"===="', '"%%%"', '1', '{a: 1}', '[""]', 'null'),
    ),
    goodJson: fc.integer({ min: 0, max: 3 }).map((n) => JSON.stringify(b64(`offset:${n}`))),
    badJson: fc.oneof(
      hostileString.map((s) => JSON.stringify(s)),
      fc
        .constantFrom('offset:-1', 'offset:99999999999999999999999', `offset:${'9'.repeat(400)}`, 'offset:9007199254740993', 'offset:9223372036854775807', 'offset:9223372036854775800', 'offset:2147483647', 'offset:4611686018427387904')
        .map((s) => JSON.stringify(b64(s))),
      fc.constantFrom('1', '{}', '[]', 'true'),
    ),
  },
};

const int: ArgSpec = { kind: 'int', type: 'Int' };
const idReq: ArgSpec = { kind: 'id', type: 'ID!' };
// Valid traversals are not what this test is about, and the deep ones take seconds on a busy machine.
const maxDepth: ArgSpec = { kind: 'int', type: 'Int', good: ['1', '2', '3'] };

/** The query fields of schema/*.graphql with their arguments and a small selection. */
const FIELDS: readonly { name: string; args: Record<string, ArgSpec>; selection: string }[] = [
  { name: 'node', args: { id: idReq }, selection: '{ id name label evidence }' },
  { name: 'search', args: { text: { kind: 'string', type: 'String!' }, types: { kind: 'labelList', type: '[String!]' }, first: int }, selection: '{ score node { id label } }' },
  ...['components', 'services', 'standards', 'organizations', 'layers', 'stacks', 'requirements', 'topics'].map((name) => ({
    name,
    args: { first: int, after: { kind: 'cursor', type: 'String' } as ArgSpec, filter: { kind: 'filter', type: 'NodeFilter' } as ArgSpec },
    selection: '{ totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name } } }',
  })),
  { name: 'impactAnalysis', args: { id: idReq, maxDepth }, selection: '{ maxDepth components { distance component { id } } services { distance } summary { componentCount serviceCount byTopic { count } } }' },
  { name: 'dependencies', args: { id: idReq, maxDepth }, selection: '{ root { id } entries { distance relationship node { id } } }' },
  { name: 'path', args: { from: idReq, to: idReq, maxDepth }, selection: '{ length nodes { id } steps { type forward } }' },
  { name: 'alternatives', args: { id: idReq }, selection: '{ guidance affectedServices alternative { id } }' },
  { name: 'compliance', args: { serviceId: idReq }, selection: '{ score muss { met violated items { status } } soll { met } }' },
  { name: 'compatibility', args: { stackIds: { kind: 'idList', type: '[ID!]!', good: ['["stack:germany"]', '["stack:govstack"]', '["stack:germany", "stack:govstack"]'] } }, selection: '{ stacks { id } rows { item { id } cells { stackId included } } }' },
  { name: 'adoption', args: { level: { kind: 'string', type: 'String!' } }, selection: '{ organizations node { id } byStatus { status count } }' },
  { name: 'subgraph', args: { ids: { kind: 'idList', type: '[ID!]!', good: ['["epaybl"]', '["fit-connect"]', '["bundid", "epaybl"]'] }, depth: { kind: 'int', type: 'Int', good: ['0', '1'] }, types: { kind: 'stringList', type: '[String!]' } }, selection: '{ nodes { id label } edges { type } }' },
  { name: 'about', args: {}, selection: '{ name version }' },
];

/** Relationship fields of node types (they take `first`). */
const RELATION_FIELDS: readonly [string, string][] = [
  ['Component', 'dependsOn'],
  ['Component', 'dependents'],
  ['Component', 'usedBy'],
  ['Component', 'implements'],
  ['Component', 'alternatives'],
  ['Component', 'stacks'],
  ['Component', 'operators'],
  ['Service', 'uses'],
  ['Service', 'offeredBy'],
  ['Standard', 'implementedBy'],
  ['Stack', 'includes'],
  ['Layer', 'members'],
  ['Organization', 'offers'],
];

const WRONG_DECLS = ['Int', 'Int!', 'Float', 'String', 'String!', 'ID', 'ID!', 'Boolean', '[ID!]!', '[String]', '[[Int]]', 'NodeFilter', 'NodeFilter!', 'Evidence', 'Nope', 'Query', 'Component', '[Int!]!'];

interface Binding {
  readonly arg?: string;
  readonly decl?: string;
  readonly variable?: readonly [string, string];
}

/** How one argument is passed: omitted, as a literal, or as a variable (well or wrongly declared, given or not). */
function binding(spec: ArgSpec, v: string): fc.Arbitrary<Binding> {
  const values = spec.good ? { ...VALUES[spec.kind], goodLit: fc.constantFrom(...spec.good), goodJson: fc.constantFrom(...spec.good) } : VALUES[spec.kind];
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant({}) },
    { weight: 2, arbitrary: values.goodLit.map((t) => ({ arg: t })) },
    { weight: 5, arbitrary: values.badLit.map((t) => ({ arg: t })) },
    { weight: 2, arbitrary: values.goodJson.map((j) => ({ arg: `$${v}`, decl: `$${v}: ${spec.type}`, variable: [v, j] as const })) },
    { weight: 6, arbitrary: values.badJson.map((j) => ({ arg: `$${v}`, decl: `$${v}: ${spec.type}`, variable: [v, j] as const })) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...WRONG_DECLS), fc.oneof(values.goodJson, values.badJson, anyJson)).map(([d, j]) => ({ arg: `$${v}`, decl: `$${v}: ${d}`, variable: [v, j] as const })) },
    { weight: 1, arbitrary: values.badLit.map((t) => ({ arg: `$${v}`, decl: `$${v}: ${spec.type.replace(/!$/, '')} = ${t}` })) },
    // A nullable variable with a default may stand where a non-null value is needed; null then overrides the default.
    { weight: 1, arbitrary: values.goodLit.map((t) => ({ arg: `$${v}`, decl: `$${v}: ${spec.type.replace(/!$/, '')} = ${t}`, variable: [v, 'null'] as const })) },
    { weight: 1, arbitrary: fc.constant({ arg: `$${v}`, decl: `$${v}: ${spec.type}` }) },
    { weight: 1, arbitrary: fc.constant({ arg: '$undeclared' }) },
  );
}

/** Builds `query Flood($v0: ..., ...) { field(args) selection }` and its variables' JSON text. */
function operation(field: string, args: Record<string, ArgSpec>, selection: string, wrap: (inner: string) => string = (s) => s): fc.Arbitrary<Payload> {
  const names = Object.keys(args);
  return fc
    .tuple(
      fc.tuple(...names.map((n, i) => binding(args[n] as ArgSpec, `v${i}`))),
      fc.boolean(),
      fc.option(fc.tuple(fc.constantFrom('extra', 'v0', '__proto__'), anyJson), { freq: 8 }),
    )
    .map(([bindings, named, extra]) => {
      const argText = names.flatMap((n, i) => ((bindings[i] as Binding).arg === undefined ? [] : [`${n}: ${(bindings[i] as Binding).arg}`])).join(', ');
      const decls = bindings.flatMap((b) => (b.decl ? [b.decl] : []));
      const vars = bindings.flatMap((b) => (b.variable ? [b.variable] : []));
      if (extra) vars.push(extra);
      const inner = `${field}${argText ? `(${argText})` : ''} ${selection}`;
      const head = decls.length > 0 || named ? `query Flood${decls.length > 0 ? `(${decls.join(', ')})` : ''} ` : '';
      return {
        query: `${head}{ ${wrap(inner)} }`,
        ...(vars.length > 0 ? { variables: `{${vars.map(([k, j]) => `${JSON.stringify(k)}:${j}`).join(',')}}` } : {}),
        ...(named ? { operationName: 'Flood' } : {}),
      };
    });
}

// The eight root lists share one weight: each of them scans its label, and one stands for the others.
const fieldPayload: fc.Arbitrary<Payload> = fc
  .oneof(...FIELDS.map((f) => ({ weight: f.selection.includes('totalCount') ? 1 : 3, arbitrary: fc.constant(f) })))
  .chain((f) => operation(f.name, f.args, f.selection));

const relationPayload: fc.Arbitrary<Payload> = fc
  .tuple(fc.constantFrom(...RELATION_FIELDS), fc.constantFrom(...KNOWN_IDS), fc.boolean())
  .chain(([[type, field], id, nested]) =>
    operation(
      field,
      { first: int },
      nested ? '{ type node { id ... on Component { usedBy(first: 1000) { node { id } } } } }' : '{ type source evidence node { id name } }',
      (inner) => `node(id: ${gqlString(id)}) { id ... on ${type} { ${inner} } }`,
    ),
  );

const unknownPayload: fc.Arbitrary<Payload> = fc.oneof(
  fc.constantFrom(
    '{ nope }',
    '{ __typename nope { id } }',
    '{ node(id: "bundid") { nope } }',
    '{ node(id: "bundid", nope: 1) { id } }',
    '{ node(id: "bundid") { ... on Nope { id } } }',
    '{ node(id: "bundid") { ... on About { name } } }',
    '{ ...F } fragment F on Nope { id }',
    '{ ...Missing }',
    '{ __typename @nope }',
    '{ __typename @deprecated }',
    '{ __typename @include }',
    '{ __typename @include(if: "yes") }',
    '{ __typename @skip(if: $x) }',
    '{ about { name @include(if: true) @include(if: false) } }',
    '{ about }',
    '{ about { database } }',
    '{ node(id: "bundid") }',
    '{ components { edges { node { nope } } } }',
    '{ impactAnalysis(id: "bundid") { nope } }',
    '{ search(text: "x") { node { ... on Service { leikaKey nope } } } }',
    '{ __schema { nope } }',
    '{ __type(name: "Component") { fields { name } } }',
    '{ __type(name: 1) { name } }',
    '{ __type { name } }',
    'query ($x: Nope) { __typename }',
    'query ($x: Int, $x: Int) { __typename }',
    '{ a: about { name } a: node(id: "bundid") { id } }',
    '{ about { name: version } about { name } }',
    '{ node(id: "bundid") { ... on Component { dependsOn { node { id } } } ... on Component { dependsOn(first: 2) { node { id } } } } }',
  ),
  fc.tuple(fc.constantFrom(...FIELDS.map((f) => f.name)), hostileString).map(([f, s]) => `{ ${f}(${/^[_A-Za-z]\w*$/.test(s) ? s : 'bogus'}: 1) { __typename } }`),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 20 }).map((s) => `{ ${s.replace(/[^_A-Za-z0-9]/g, '_').replace(/^[0-9]/, '_')} }`),
  fc.constantFrom(...FIELDS.map((f) => f.name)).map((f) => `{ ${f} }`),
).map((query) => ({ query }));

const TOKENS = ['{', '}', '(', ')', '[', ']', ':', '$', '...', '@', '!', '=', '|', '&', ',', 'query', 'mutation', 'subscription', 'fragment', 'on', 'node', 'about', 'id', 'name', '__typename', '"x"', '"""', '"', '1', '-1', '1.5e', '#c\n', 'true', 'null', '\u0000', '\\', '\ufeff', '\u00a0', '😀', 'ü', '.', '..', '%', '?', '<', '>', '/', '*'];

const malformedPayload: fc.Arbitrary<Payload> = fc
  .oneof(
    fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 60 }).map((ts) => ts.join(' ')),
    fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 60 }).map((ts) => ts.join('')),
    fc.string({ unit: 'grapheme', maxLength: 80 }),
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.integer({ min: 1, max: 900 }).map((n) => '{'.repeat(n)),
    fc.integer({ min: 1, max: 900 }).map((n) => `{ about { name } ${'}'.repeat(n)}`),
    fc.integer({ min: 1, max: 300 }).map((n) => `{ about${' {'.repeat(n)} name }`),
    fc.tuple(fc.constantFrom(...FIELDS), fc.nat()).map(([f, n]) => {
      const q = `{ ${f.name}${Object.keys(f.args).length ? `(${Object.keys(f.args)[0]}: "bundid")` : ''} ${f.selection} }`;
      return q.slice(0, n % q.length);
    }),
    fc.tuple(fc.nat(), fc.constantFrom(...TOKENS)).map(([n, t]) => {
      const q = '{ node(id: "bundid") { id name ... on Component { dependsOn(first: 2) { node { id } } } } }';
      const i = n % q.length;
      return q.slice(0, i) + t + q.slice(i);
    }),
    fc.constantFrom(
      '',
      ' ',
      '\n\n',
      '#only a comment',
      '"""unterminated',
      '{ node(id: "unterminated) { id } }',
      '{ node(id: "\\x41") { id } }',
      '{ node(id: "\\u{110000}") { id } }',
      '{ node(id: "\\ud800") { id } }',
      '\ufeff{ __typename }',
      '{ __typename }\u0000',
      '{ __typename } }',
      '{ __typename } {',
      'query',
      'query {',
      'query Q(',
      'query Q($',
      'query Q($a:) { __typename }',
      'fragment F on Query',
      '{ ... }',
      '{ ...on }',
      '{ a: }',
      '{ a: b: c }',
      '{ node(id:) { id } }',
      '{ node(id: "bundid" { id } }',
      '{ node(id: "bundid")) { id } }',
      '{ node(id: 00) { id } }',
      '{ node(id: 1.) { id } }',
      '{ node(id: .5) { id } }',
      '{ node(id: 1e) { id } }',
      '{ node(id: $) { id } }',
      'schema { query: Query }',
      'type Foo { a: Int }',
      'extend type Query { x: Int }',
      'directive @x on FIELD',
      '{ __typename } type X { a: Int }',
    ),
  )
  .map((query) => ({ query }));

const opsPayload: fc.Arbitrary<Payload> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(
        'mutation { __typename }',
        'mutation M { x }',
        'mutation { createComponent(id: "x") { id } }',
        'subscription { about { name } }',
        'subscription S { __typename }',
        'mutation M { __typename } query Q { __typename }',
        'query A { __typename } query A { about { name } }',
        'query A { __typename } { about { name } }',
        '{ __typename } { about { name } }',
        'query A { __typename } query B { about { name } }',
        'query A($id: ID!) { node(id: $id) { id } } query B { __typename }',
        '{ __typename }',
      ),
      fc.option(fc.oneof(fc.constantFrom('A', 'B', 'M', 'Q', 'S', '', 'a', 'Nope', ' A', 'A ', '__proto__'), hostileString), { freq: 2 }),
      fc.option(fc.constantFrom('"x"', '[]', '[1]', '1', 'true', 'null', '""', '"{}"', '{"id":"bundid"}', '{"id":null}', '{}', '[{"id":"bundid"}]'), { freq: 2 }),
    )
    .map(([query, operationName, variables]) => ({ query, ...(operationName !== null ? { operationName } : {}), ...(variables !== null ? { variables } : {}) })),
  fc.tuple(fc.constantFrom('{ __typename }', 'query A { __typename }'), fc.constantFrom(1, 0, true, null, {}, [], ['A'], { A: 1 })).map(([query, operationName]) => ({ query, operationName })),
  fc
    .constantFrom<unknown>(
      { persistedQuery: { version: 1, sha256Hash: 'abc' } },
      { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update('{ __typename }').digest('hex') } },
      { persistedQuery: { version: 2, sha256Hash: 'abc' } },
      { persistedQuery: { version: '1', sha256Hash: 'abc' } },
      { persistedQuery: { version: 1 } },
      { persistedQuery: 'x' },
      { persistedQuery: null },
      { persistedQuery: [] },
      'x',
      [],
      1,
      null,
      {},
      { nope: 1 },
      { __proto__: { persistedQuery: { version: 1, sha256Hash: 'abc' } } },
    )
    .chain((extensions) => fc.constantFrom<Payload>({ query: '{ __typename }', extensions }, { extensions }, { query: '{ about { name } }', extensions })),
);

/** Queries that break a limit: depth, aliases, directives, tokens, document size, fragments. */
const limitsPayload: fc.Arbitrary<Payload> = fc
  .oneof(
    fc.integer({ min: 5, max: 60 }).map((n) => `{ node(id: "bundid") { ... on Component { ${'dependsOn { node { ... on Component { '.repeat(n)}id${' } } }'.repeat(n)} } } }`),
    fc.integer({ min: 2, max: 8 }).map((n) => `{ node(id: "bundid") { ... on Component { ${'usedBy(first: 1000) { node { uses(first: 1000) { node { '.repeat(n)}id${' } } } }'.repeat(n)} } } }`),
    fc.integer({ min: 10, max: 400 }).map((n) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`),
    fc.tuple(fc.integer({ min: 25, max: 40 }), fc.constantFrom(...KNOWN_IDS, 'nope')).map(([n, id]) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: impactAnalysis(id: ${gqlString(i % 2 ? id : (KNOWN_IDS[i % KNOWN_IDS.length] as string))}, maxDepth: ${1 + (i % 3)}) { summary { serviceCount } }`).join(' ')} }`,
    ),
    fc.integer({ min: 2, max: 40 }).map((n) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: subgraph(ids: ["bundid", "fit-connect", "nope-${i}"], depth: 0) { nodes { id } }`).join(' ')} }`),
    fc.integer({ min: 10, max: 200 }).map((n) => `{ __typename${' @include(if: true)'.repeat(n)} }`),
    fc.integer({ min: 10, max: 200 }).map((n) => `{ about { name${' @skip(if: false)'.repeat(n)} } }`),
    fc.integer({ min: 1900, max: 6000 }).map((n) => `{ __typename ${'a '.repeat(n)}}`),
    fc.integer({ min: 1900, max: 6000 }).map((n) => `{ ${'__typename '.repeat(n)}}`),
    fc.integer({ min: 19_000, max: 60_000 }).map((n) => `{ __typename } #${'x'.repeat(n)}`),
    fc.integer({ min: 19_000, max: 60_000 }).map((n) => `{ node(id: "${'x'.repeat(n)}") { id } }`),
    fc.integer({ min: 10_000, max: 19_000 }).map((n) => `{ __typename${','.repeat(n)} }`),
    fc.integer({ min: 2, max: 40 }).map((n) => `{ ...F0 } ${Array.from({ length: n }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ')} fragment F${n} on Query { about { name } }`),
    fc.integer({ min: 2, max: 40 }).map((n) => `{ ...F0 } ${Array.from({ length: n }, (_, i) => `fragment F${i} on Query { ...F${(i + 1) % n} }`).join(' ')}`),
    fc.integer({ min: 2, max: 12 }).map((n) => `{ ...F0 } ${Array.from({ length: n }, (_, i) => `fragment F${i} on Query { a: about { name } b: about { version } ...F${i + 1} ...F${i + 1} }`).join(' ')} fragment F${n} on Query { about { name } }`),
    fc.integer({ min: 5, max: 40 }).map((n) => `{ __schema { types { ${'fields { type { '.repeat(n)}name${' } }'.repeat(n)} } } }`),
    fc.integer({ min: 5, max: 60 }).map((n) => `{ __type(name: "Component") { ${'ofType { '.repeat(n)}name${' }'.repeat(n)} } }`),
    fc.integer({ min: 100, max: 900 }).map((n) => `query (${Array.from({ length: n }, (_, i) => `$v${i}: Int`).join(' ')}) { __typename }`),
    fc.integer({ min: 100, max: 5000 }).map((n) => `query ${'Q'.repeat(n)} { ${'a'.repeat(n)}: __typename }`),
    fc.constant('{ components(first: 500) { edges { node { dependsOn(first: 1000) { node { dependents(first: 1000) { node { id } } } } } } } }'),
    fc.constant('{ services(first: 500) { edges { node { uses(first: 1000) { node { usedBy(first: 1000) { node { id } } } } } } } }'),
    fc.constant('{ path(from: "bundid", to: "stack:govstack", maxDepth: 10) { length nodes { id } } }'),
  )
  .map((query) => ({ query }));

const PREFLIGHT = { 'apollo-require-preflight': 'true' };
const JSON_CT = { 'content-type': 'application/json' };

/** Puts a GraphQL payload on the wire: POST JSON (most), POST gzip, odd accept headers, GET with or without the CSRF header. */
function onTheWire(family: string, p: Payload): fc.Arbitrary<FloodRequest> {
  const jsonText = (): string => {
    const parts: string[] = [];
    if (p.query !== undefined) parts.push(`"query":${JSON.stringify(p.query)}`);
    if (p.variables !== undefined) parts.push(`"variables":${p.variables}`);
    if (p.operationName !== undefined) parts.push(`"operationName":${JSON.stringify(p.operationName)}`);
    if (p.extensions !== undefined) parts.push(`"extensions":${JSON.stringify(p.extensions)}`);
    return `{${parts.join(',')}}`;
  };
  const post = (headers: Record<string, string>, gzip = false): FloodRequest => {
    const text = jsonText();
    return { family, method: 'POST', path: '/graphql', headers, body: gzip ? zlib.gzipSync(text) : text, echo: text };
  };
  const get = (headers: Record<string, string>): FloodRequest => {
    const params = new URLSearchParams();
    if (p.query !== undefined) params.set('query', String(p.query));
    if (p.variables !== undefined) params.set('variables', p.variables);
    if (p.operationName !== undefined) params.set('operationName', String(p.operationName));
    if (p.extensions !== undefined) params.set('extensions', JSON.stringify(p.extensions));
    const path = `/graphql?${params.toString()}`;
    return { family, method: 'GET', path, headers, echo: `${path}\n${safeDecode(path)}` };
  };
  return fc.oneof(
    { weight: 12, arbitrary: fc.constant(post(JSON_CT)) },
    { weight: 2, arbitrary: fc.constantFrom('application/graphql-response+json', 'application/json', '*/*', 'text/html', 'application/xml', 'multipart/mixed', 'text/event-stream', 'image/png;q=0.1').map((accept) => post({ ...JSON_CT, accept })) },
    { weight: 1, arbitrary: fc.constant(post({ 'content-type': 'application/json; charset=utf-8' })) },
    { weight: 1, arbitrary: fc.constant(post({ ...JSON_CT, 'content-encoding': 'gzip' }, true)) },
    { weight: 3, arbitrary: fc.constant(get(PREFLIGHT)) },
    { weight: 1, arbitrary: fc.constant(get({})) },
  );
}

/** Malformed HTTP bodies: invalid JSON, JSON that is not an object, huge bodies, content types, charsets, encodings. */
const bodyRequests: fc.Arbitrary<FloodRequest> = fc.oneof(
  // Invalid JSON.
  fc
    .oneof(
      fc.string({ maxLength: 60 }),
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.constantFrom(
        '{',
        '}',
        '{"query": "{ __typename }"',
        '{"query": "{ __typename }",}',
        "{'query': '{ __typename }'}",
        '{query: "{ __typename }"}',
        '{"query": "{ __typename }"} trailing',
        '{"query": "{ __typename }"}{"query": "{ __typename }"}',
        '{"query": NaN}',
        '{"query": undefined}',
        '{"query": "\u0001"}',
        '{"query": "a\nb"}',
        '{"query": "\\x"}',
        '{"query": "\\ud800"}',
        '// comment\n{"query": "{ __typename }"}',
        '\ufeff{"query": "{ __typename }"}',
        '{"query": "{ __typename }", "query": "{ about { name } }"}',
        '{"query": 0x10}',
        '{"query": .5}',
        '[',
        '[,]',
        '"',
        '1 2',
        '\u0000',
      ),
      fc.nat().map((n) => {
        const s = '{"query":"query Q($id: ID!) { node(id: $id) { id } }","variables":{"id":"bundid"},"operationName":"Q"}';
        return s.slice(0, n % s.length);
      }),
    )
    .map((body) => ({ family: 'body:invalid-json', method: 'POST', path: '/graphql', headers: JSON_CT, body, echo: body })),
  // JSON that is not an object, or an object with wrongly typed fields.
  fc
    .oneof(
      fc.constantFrom('[]', '[{"query":"{ __typename }"}]', '[{"query":"{ __typename }"},{"query":"{ about { name } }"}]', 'null', '0', '-1', '1e999', '"{ __typename }"', 'true', 'false', '{}', '[[]]'),
      fc.constantFrom('1', 'null', 'true', '[]', '["{ __typename }"]', '{}', '{"kind":"Document"}', '""', '"   "').map((q) => `{"query":${q}}`),
      fc.constantFrom('{"variables":{}}', '{"operationName":"A"}', '{"extensions":{}}', '{"__proto__":{"query":"{ __typename }"}}', '{"constructor":{"prototype":{"query":"{ __typename }"}}}', '{"Query":"{ __typename }"}', '{"QUERY":"{ __typename }"}', '{"query ":"{ __typename }"}'),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      fc.integer({ min: 1000, max: 45_000 }).map((n) => `{"query":"{ __typename }","variables":{"a":${'['.repeat(n)}${']'.repeat(n)}}}`),
      fc.integer({ min: 1000, max: 12_000 }).map((n) => `{"query":"{ __typename }","extensions":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`),
      fc.integer({ min: 1000, max: 45_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
    )
    .map((body) => ({ family: 'body:not-an-object', method: 'POST', path: '/graphql', headers: JSON_CT, body, echo: body })),
  // Bodies above BODY_MAX_BYTES (100000).
  fc.tuple(fc.integer({ min: 100_001, max: 300_000 }), fc.constantFrom('pad', 'query', 'variables')).map(([n, where]) => {
    const body =
      where === 'pad'
        ? JSON.stringify({ query: '{ __typename }', pad: 'x'.repeat(n) })
        : where === 'query'
          ? JSON.stringify({ query: `{ __typename } #${'x'.repeat(n)}` })
          : JSON.stringify({ query: 'query Q($ids: [ID!]!) { compatibility(stackIds: $ids) { stacks { id } } }', variables: { ids: Array.from({ length: Math.ceil(n / 10) }, () => 'stack:x') } });
    return { family: 'body:too-large', method: 'POST', path: '/graphql', headers: JSON_CT, body, echo: '' };
  }),
  // Content types and charsets.
  fc
    .tuple(
      fc.constantFrom(
        'text/plain',
        'text/plain; charset=utf-8',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/graphql',
        'application/xml',
        'text/html',
        'application/json-patch+json',
        'application/graphql-response+json',
        'application/json; charset=latin1',
        'application/json; charset=iso-8859-1',
        'application/json; charset=utf-16',
        'application/json; charset=utf-32',
        'application/json; charset=ascii',
        'application/json; charset=nope',
        'application/json; charset="utf-8"',
        'application/JSON',
        'APPLICATION/JSON; CHARSET=UTF-8',
        'application/json;;;',
        'application/json; boundary=x; charset=utf-8',
        'application/json, text/plain',
        '*/*',
        'application/*',
        'json',
        '',
      ),
      fc.boolean(),
      fc.constantFrom('{"query":"{ __typename }"}', 'query={__typename}', '{ __typename }', '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"{ __typename }"}\r\n--x--', '<query>{ __typename }</query>'),
    )
    .map(([ct, preflight, body]) => ({ family: 'body:content-type', method: 'POST', path: '/graphql', headers: { ...(ct ? { 'content-type': ct } : {}), ...(preflight ? PREFLIGHT : {}) }, body, echo: body })),
  // Bytes that are not UTF-8, or not what the charset says.
  fc
    .constantFrom(
      Buffer.from([0xff, 0xfe, 0x7b, 0x00]),
      Buffer.concat([Buffer.from('{"query":"{ node(id: \\"'), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc]), Buffer.from('\\") { id } }"}')]),
      Buffer.from('{"query":"{ node(id: \\"Müller\\") { id } }"}', 'latin1'),
      Buffer.from('{"query":"{ __typename }"}', 'utf16le'),
      Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('{"query":"{ __typename }"}')]),
    )
    .map((body) => ({ family: 'body:bytes', method: 'POST', path: '/graphql', headers: JSON_CT, body, echo: body.toString('latin1') })),
  // Content encodings: garbage, unsupported, stacked, a decompression bomb, a valid one.
  fc
    .tuple(
      fc.constantFrom('gzip', 'deflate', 'br', 'x-gzip', 'compress', 'identity', 'gzip, gzip', 'gzip, identity', 'zstd', 'GZIP', ''),
      fc.oneof(
        fc.string({ maxLength: 40 }).map((s) => Buffer.from(s)),
        fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
        fc.constant(zlib.gzipSync('{"query":"{ __typename }"}')),
        fc.constant(zlib.gzipSync('{"query":"{ __typename }"}').subarray(0, 20)),
        fc.constant(zlib.deflateSync('{"query":"{ __typename }"}')),
        fc.constant(zlib.gzipSync(Buffer.alloc(3_000_000, 0x20))),
        fc.constant(zlib.gzipSync(zlib.gzipSync('{"query":"{ __typename }"}'))),
      ),
    )
    .map(([encoding, body]) => ({ family: 'body:encoding', method: 'POST', path: '/graphql', headers: { ...JSON_CT, ...(encoding ? { 'content-encoding': encoding } : {}) }, body, echo: '' })),
);

/** GET requests with odd query strings, odd paths and other methods. */
const httpRequests: fc.Arbitrary<FloodRequest> = fc.oneof(
  fc
    .tuple(
      fc.oneof(
        fc.constantFrom(
          '',
          '?',
          '?query',
          '?query=',
          '?=',
          '?&&&',
          '?query=%',
          '?query=%ZZ',
          '?query=%E0%A4%A',
          '?query=%00',
          '?query=%7B__typename%7D%00',
          '?query[]=x',
          '?query[a]=x',
          '?query=%7B__typename%7D&query=%7Babout%7Bname%7D%7D',
          '?variables=%7B%7D',
          '?operationName=A',
          '?query=%7B__typename%7D&variables=%7B',
          '?query=%7B__typename%7D&variables=null',
          '?query=%7B__typename%7D&variables=%22x%22',
          '?query=%7B__typename%7D&variables=[]',
          '?query=%7B__typename%7D&extensions=%7B',
          '?query=%7B__typename%7D&extensions=%7B%22persistedQuery%22%3A1%7D',
          '?extensions=%7B%22persistedQuery%22%3A%7B%22version%22%3A1%2C%22sha256Hash%22%3A%22x%22%7D%7D',
          '?query=mutation%7B__typename%7D',
          '?query=subscription%7B__typename%7D',
          '?query=%7B__typename%7D&operationName=Nope',
          '?query=%7B__typename%7D&operationName=',
          '?query=+++',
          '?query=%7B__typename%7D;variables=x',
          '?query=%7B__typename%7D&__proto__=x',
          '?constructor=x&query=%7B__typename%7D',
          '?query=%C0%AF',
          '?query=%F0%9F%98%80',
          '?query=%ED%A0%80',
        ),
        fc.string({ unit: 'grapheme', maxLength: 60 }).map((s) => `?query=${encodeURIComponent(s)}`),
        fc.string({ unit: 'grapheme-ascii', maxLength: 60 }).map((s) => `?${encodeURI(s)}`),
        hostileString.map((s) => `?query=${encodeURIComponent(`{ node(id: ${JSON.stringify(s)}) { id } }`)}&variables=${encodeURIComponent(JSON.stringify({ s }))}`),
        // Long URLs: above Node's 16 KiB header limit the HTTP parser answers by itself.
        fc.integer({ min: 2_000, max: 40_000 }).map((n) => `?query=${encodeURIComponent(`{ __typename } #${'x'.repeat(n)}`)}`),
        // Variables nested thousands deep, brackets unencoded so that they fit below that limit.
        fc
          .tuple(fc.integer({ min: 1_000, max: 7_900 }), fc.constantFrom('subgraph(ids: $v0) { nodes { id } }', 'compatibility(stackIds: $v0) { stacks { id } }', 'search(text: "x", types: $v0) { score }'))
          .map(([n, field]) => `?query=${encodeURIComponent(`query Q($v0: ${field.startsWith('search') ? '[String!]' : '[ID!]!'}) { ${field} }`)}&variables={"v0":${'['.repeat(n)}"x"${']'.repeat(n)}}`),
      ),
      fc.boolean(),
      fc.constantFrom('/graphql', '/graphql', '/graphql', '/graphql/', '/GRAPHQL', '/graphql/x', '//graphql', '/graphql%00', '/graphql;x', '/%2e%2e/graphql', '/graphql/..%2f', '/nope', '/'),
    )
    .map(([qs, preflight, path]) => ({ family: 'get:query-string', method: 'GET', path: `${path}${qs}`, headers: preflight ? PREFLIGHT : {}, echo: `${path}${qs}\n${safeDecode(qs)}` })),
  fc
    .tuple(
      fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'PROPFIND', 'SEARCH', 'BREW'),
      fc.constantFrom<Record<string, string>>({}, JSON_CT, PREFLIGHT, { ...JSON_CT, ...PREFLIGHT }, { origin: 'https://evil.example', 'access-control-request-method': 'POST' }),
      fc.constantFrom('{"query":"{ __typename }"}', '{"query":"mutation { x }"}', ''),
    )
    .map(([method, headers, body]) => ({
      family: 'http:method',
      method,
      path: '/graphql',
      headers,
      ...(method === 'HEAD' || body === '' ? {} : { body }),
      echo: body,
    })),
  fc
    .tuple(
      fc.constantFrom('x-request-id', 'accept', 'accept-charset', 'origin', 'referer', 'cookie', 'authorization', 'apollographql-client-name', 'x-apollo-operation-name', 'forwarded', 'x-forwarded-for', 'user-agent', 'accept-language'),
      fc.oneof(fc.string({ unit: 'grapheme-ascii', maxLength: 200 }).map((s) => s.replace(/[\x00-\x1f\x7f]/g, ' ').trim()), fc.constantFrom('', 'null', '*/*;q=x', 'a'.repeat(8000), '../../etc/passwd', "' OR 1=1 --", '${jndi:ldap://x}')),
    )
    .map(([name, value]) => {
      const body = '{"query":"{ __typename }"}';
      return { family: 'http:headers', method: 'POST', path: '/graphql', headers: { ...JSON_CT, [name]: value }, body, echo: `${body}\n${value}` };
    }),
);

const payloadRequests = (family: string, payload: fc.Arbitrary<Payload>): fc.Arbitrary<FloodRequest> => payload.chain((p) => onTheWire(family, p));

/** Every request of the flood, by family; the weights set the mix. */
const floodRequest: fc.Arbitrary<FloodRequest> = fc.oneof(
  { weight: 36, arbitrary: payloadRequests('graphql:bad-arguments', fieldPayload) },
  { weight: 6, arbitrary: payloadRequests('graphql:relation-fields', relationPayload) },
  { weight: 6, arbitrary: payloadRequests('graphql:unknown', unknownPayload) },
  { weight: 8, arbitrary: payloadRequests('graphql:malformed', malformedPayload) },
  { weight: 6, arbitrary: payloadRequests('graphql:operations', opsPayload) },
  { weight: 7, arbitrary: payloadRequests('graphql:limits', limitsPayload) },
  { weight: 14, arbitrary: bodyRequests },
  { weight: 10, arbitrary: httpRequests },
);

// ---------------------------------------------------------------------------------------------
// Checks

/** Text that must never reach a client unless the client sent it itself. */
const LEAKS: readonly [string, RegExp][] = [
  ['stack trace', / {4}at /],
  ['absolute path /work/', /\/work\//],
  ['node_modules', /node_modules/],
  ['/home/', /\/home\//],
  ['source position .ts:', /\.ts:/],
  ['Cypher MATCH', /MATCH /],
  ['Cypher RETURN', /RETURN /],
  ['Cypher UNWIND', /UNWIND/],
  ['Neo.ClientError', /Neo\.ClientError/],
  ['Neo.DatabaseError', /Neo\.DatabaseError/],
  ['neo4j', /neo4j/i],
  ['Lucene', /org\.apache\.lucene/],
  ['ProcedureCallFailed', /ProcedureCallFailed/],
  ['Failed to invoke procedure', /Failed to invoke procedure/],
];

/** What one request got back. */
interface Answer {
  readonly status: number;
  readonly contentType: string | null;
  /** The first 1000 characters of the body (for the report). */
  readonly text: string;
  /** `extensions.code` of each GraphQL error; ['(data)'] for an answer without errors; ['(json)'] for other JSON. */
  readonly codes: string[];
  readonly problems: string[];
  /** Milliseconds until the whole answer was read. */
  ms?: number;
}

function judge(req: FloodRequest, status: number, contentType: string | null, text: string): Answer {
  const problems: string[] = [];
  let json: unknown;
  let parsed = false;
  if (req.method !== 'HEAD') {
    try {
      json = JSON.parse(text);
      parsed = true;
    } catch {
      // judged below
    }
    if (!parsed || !/^application\/(json|graphql-response\+json)\b/.test(contentType ?? '')) problems.push(`not a JSON answer (status ${status}, content-type ${contentType})`);
    if (/<html|<!doctype|<body/i.test(text)) problems.push(`HTML in the answer (status ${status})`);
  }
  const body = parsed && json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  const codes: string[] = [];
  if (body && 'errors' in body) {
    if (!Array.isArray(body.errors) || body.errors.length === 0) problems.push('errors is not a non-empty list');
    for (const e of Array.isArray(body.errors) ? (body.errors as { message?: unknown; extensions?: { code?: unknown } }[]) : []) {
      const code = e?.extensions?.code;
      if (typeof code !== 'string') problems.push('a GraphQL error without a string extensions.code');
      else if (code === 'INTERNAL_SERVER_ERROR') problems.push(`INTERNAL_SERVER_ERROR (status ${status})`);
      if (typeof e?.message !== 'string') problems.push('a GraphQL error without a message');
      codes.push(typeof code === 'string' ? code : '(no code)');
    }
  } else if (body && 'data' in body) codes.push('(data)');
  else if (parsed) codes.push('(json)');
  else if (req.method === 'HEAD') codes.push('(HEAD)');
  if (status >= 500 && !(status === 503 && codes.includes('SERVICE_UNAVAILABLE'))) problems.push(`status ${status}`);
  // Data may hold the graph's own words (the database is called "neo4j"); errors and everything else may not.
  const outside = body && 'data' in body ? JSON.stringify({ ...body, data: null }) : text;
  for (const [what, re] of LEAKS) {
    const where = what === 'stack trace' ? text : outside;
    if (re.test(where) && !re.test(req.echo)) problems.push(`leaks ${what}`);
  }
  return { status, contentType, text: text.slice(0, 1000), codes, problems };
}

/** Sends one request and judges the answer; a connection the server closed meanwhile is retried once on a new one. */
async function send(origin: string, req: FloodRequest, agent: http.Agent, retried: { count: number }): Promise<Answer> {
  const t0 = Date.now();
  let answer: Answer;
  try {
    let raw: RawAnswer;
    try {
      raw = await rawRequest(origin, req, agent);
    } catch (e) {
      // A kept-alive socket that the server closed after an earlier answer (413, 431) fails at once.
      if (!/ECONNRESET|EPIPE|socket hang up/.test(`${(e as NodeJS.ErrnoException).code} ${(e as Error).message}`)) throw e;
      retried.count++;
      raw = await rawRequest(origin, req, false);
    }
    answer = judge(req, raw.status, raw.contentType, raw.text);
  } catch (e) {
    const what = `no answer: ${(e as NodeJS.ErrnoException).code ?? ''} ${(e as Error).message}`;
    answer = { status: 0, contentType: null, text: '', codes: [what], problems: [what] };
  }
  answer.ms = Date.now() - t0;
  return answer;
}

/** How a request looks in a failure report: method, path, headers and the start of the body. */
function show(req: FloodRequest): string {
  const body = req.body === undefined ? '' : typeof req.body === 'string' ? req.body : `<${req.body.length} bytes: ${req.body.subarray(0, 60).toString('hex')}>`;
  const cut = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n)}…(${s.length} chars)` : s);
  return `[${req.family}] ${req.method} ${cut(req.path, 300)} ${JSON.stringify(req.headers)} ${cut(JSON.stringify(body), 600)}`;
}

/** Median, 95th percentile and maximum of the answer times of each family, in ms. */
function latencyByFamily(requests: readonly FloodRequest[], answers: readonly Answer[]): Record<string, string> {
  const ms = new Map<string, number[]>();
  answers.forEach((a, i) => {
    const family = (requests[i] as FloodRequest).family;
    ms.set(family, [...(ms.get(family) ?? []), a.ms ?? 0]);
  });
  return Object.fromEntries(
    [...ms].sort(([a], [b]) => a.localeCompare(b)).map(([family, xs]) => {
      xs.sort((a, b) => a - b);
      return [family, `${xs[Math.floor(xs.length / 2)]}/${xs[Math.floor(xs.length * 0.95)]}/${xs[xs.length - 1]}`];
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// The graph before and after

interface GraphState {
  readonly nodes: number;
  readonly relationships: number;
  readonly checksum: string;
  readonly lines: ReadonlySet<string>;
}

/** JSON with sorted keys, so that equal maps serialise equally. */
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v as object).sort().map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

/**
 * Every node and relationship with labels, type and all properties, counted and hashed (sha256 over
 * sorted lines): the whole shared test graph, graph version included, which no test file changes
 * (test/support/ownNeo4j.ts).
 */
async function graphState(db: Db): Promise<GraphState> {
  const [nodes, rels] = await db.read(async (tx) => [
    await tx.runText('MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props'),
    await tx.runText('MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props'),
  ]);
  const lines = [
    ...nodes.map((n) => `N ${stable({ ...n, labels: [...(n.labels as string[])].sort() })}`),
    ...rels.map((r) => `R ${stable(r)}`),
  ].sort();
  const hash = createHash('sha256');
  for (const l of lines) hash.update(l).update('\n');
  return { nodes: nodes.length, relationships: rels.length, checksum: hash.digest('hex'), lines: new Set(lines) };
}

// ---------------------------------------------------------------------------------------------

describe('a flood of bad and hostile requests over HTTP', () => {
  let api: RunningApi;

  beforeAll(async () => {
    // Every request is one client here: the per-client shares (tested in fairness.int.test.ts) would
    // answer most of the flood with RATE_LIMITED instead of letting it reach the validation it tests.
    api = await startApi({ CLIENT_MAX_CONCURRENT: '0', CLIENT_COST_PER_MINUTE: '0' });
  }, 600_000);
  afterAll(async () => {
    await api?.stop();
  });

  it('judges answers as the flood needs (the oracle itself)', () => {
    const req = (body: string): FloodRequest => ({ family: 'self-test', method: 'POST', path: '/graphql', headers: JSON_CT, body, echo: body });
    const json = 'application/json; charset=utf-8';
    const problems = (status: number, text: string, contentType: string | null = json, body = '{}'): string[] => judge(req(body), status, contentType, text).problems;
    expect(problems(400, '{"errors":[{"message":"x","extensions":{"code":"BAD_USER_INPUT"}}]}')).toEqual([]);
    expect(problems(200, '{"data":{"about":{"database":{"name":"neo4j"}}}}')).toEqual([]);
    expect(problems(200, '{"errors":[{"message":"Internal server error","extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":null}')).toEqual(['INTERNAL_SERVER_ERROR (status 200)']);
    expect(problems(400, '{"errors":[{"message":"x"}]}')).toEqual(['a GraphQL error without a string extensions.code']);
    expect(problems(500, '{"errors":[{"message":"x","extensions":{"code":"BAD_REQUEST"}}]}')).toEqual(['status 500']);
    expect(problems(503, '{"errors":[{"message":"x","extensions":{"code":"SERVICE_UNAVAILABLE"}}]}')).toEqual([]);
    expect(problems(431, '', null)).toEqual(['not a JSON answer (status 431, content-type null)']);
    expect(problems(400, '<!DOCTYPE html><html><body>Bad</body></html>', 'text/html')).toEqual(['not a JSON answer (status 400, content-type text/html)', 'HTML in the answer (status 400)']);
    expect(problems(400, '{"errors":[{"message":"Neo.ClientError.Statement.SyntaxError: Invalid input \'MATCH (n) RETURN n\'\\n    at run (/work/main/src/x.ts:1:2)","extensions":{"code":"BAD_USER_INPUT"}}]}')).toEqual([
      'leaks stack trace',
      'leaks absolute path /work/',
      'leaks source position .ts:',
      'leaks Cypher MATCH',
      'leaks Cypher RETURN',
      'leaks Neo.ClientError',
    ]);
    // What the client sent itself may come back (graphql-js quotes invalid values); that is no leak.
    const echoed = '{"errors":[{"message":"Int cannot represent non-integer value: \\"MATCH (n) RETURN n\\"","extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}]}';
    expect(problems(400, echoed, json, '{"query":"{ components(first: \\"MATCH (n) RETURN n\\") { totalCount } }"}')).toEqual([]);
    expect(problems(400, echoed)).toEqual(['leaks Cypher MATCH', 'leaks Cypher RETURN']);
  });

  it(`answers ${RUNS} generated bad requests with coded JSON errors below 500, leaks nothing and changes nothing`, async () => {
    const g0 = Date.now();
    const requests = fc.sample(floodRequest, { numRuns: RUNS, seed: SEED });
    const generatedMs = Date.now() - g0;
    const before = await graphState(api.t.db);

    // jest keeps 100 frames per Error and maps every frame through source maps when a stack is read,
    // and the server makes (and graphql-js reads the stack of) an error for nearly every request here.
    // During the flood, V8's own formatting of Node's default 10 frames: a leaked stack still shows "    at ".
    const { stackTraceLimit, prepareStackTrace } = Error;
    Error.stackTraceLimit = 10;
    (Error as { prepareStackTrace?: unknown }).prepareStackTrace = undefined;
    const t0 = Date.now();
    const cpu0 = process.cpuUsage();
    // The server shares this event loop: a request that blocks it (a validation or a cost model gone
    // quadratic) shows here as a long stall.
    const loopDelay = monitorEventLoopDelay({ resolution: 20 });
    loopDelay.enable();
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const retried = { count: 0 };
    let answers: Answer[];
    try {
      answers = await mapPool(requests, CONCURRENCY, (req) => send(api.origin, req, agent, retried));
    } finally {
      agent.destroy();
      Error.stackTraceLimit = stackTraceLimit;
      Error.prepareStackTrace = prepareStackTrace;
    }
    const seconds = (Date.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    loopDelay.disable();

    const after = await graphState(api.t.db);

    const failures = new Map<string, { count: number; examples: string[] }>();
    answers.forEach((a, i) => {
      for (const p of new Set(a.problems)) {
        const f = failures.get(p) ?? { count: 0, examples: [] };
        f.count++;
        if (f.examples.length < 5) f.examples.push(`${show(requests[i] as FloodRequest)}\n        → ${a.status} ${a.contentType} ${a.text.slice(0, 300)}`);
        failures.set(p, f);
      }
    });
    const report = [...failures].map(([p, f]) => `${f.count}× ${p}\n      e.g. ${f.examples.join('\n      e.g. ')}`);

    console.log(
      [
        `flood: ${requests.length} requests (seed ${SEED}, ${CONCURRENCY} in flight) in ${seconds.toFixed(1)} s (${Math.round(requests.length / seconds)}/s), generated in ${generatedMs} ms; ${retried.count} retried on a new connection; this process used ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU; event loop delay p99 ${Math.round(loopDelay.percentile(99) / 1e6)} ms, max ${Math.round(loopDelay.max / 1e6)} ms`,
        `families: ${JSON.stringify(tally(requests.map((r) => r.family)))}`,
        `statuses: ${JSON.stringify(tally(answers.map((a) => a.status)))}`,
        `first code per answer: ${JSON.stringify(tally(answers.map((a) => a.codes[0] ?? '(none)')))}`,
        `all codes: ${JSON.stringify(tally(answers.flatMap((a) => a.codes)))}`,
        `graph before: ${before.nodes} nodes, ${before.relationships} relationships, sha256 ${before.checksum.slice(0, 16)}; after: ${after.nodes}, ${after.relationships}, ${after.checksum.slice(0, 16)}`,
        `ms per family (median/p95/max): ${JSON.stringify(latencyByFamily(requests, answers))}`,
        `slowest: ${answers.map((a, i) => [a.ms ?? 0, i] as const).sort((a, b) => b[0] - a[0]).slice(0, 12).map(([ms, i]) => `\n  ${ms} ms ${answers[i]?.codes[0]} ${show(requests[i] as FloodRequest).slice(0, 400)}`).join('')}`,
        `failures (${report.length} kinds):`,
        ...report.map((r) => `  ${r}`),
      ].join('\n'),
    );

    // The graph is unchanged (the first differing lines are shown when it is not).
    const changed = [...before.lines].filter((l) => !after.lines.has(l)).concat([...after.lines].filter((l) => !before.lines.has(l)));
    expect(changed.slice(0, 10)).toEqual([]);
    expect({ nodes: after.nodes, relationships: after.relationships, checksum: after.checksum }).toEqual({ nodes: before.nodes, relationships: before.relationships, checksum: before.checksum });
    // The server still answers.
    const res = await fetch(api.url, { method: 'POST', headers: JSON_CT, body: '{"query":"{ __typename }"}' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
    // Every answer was as it must be.
    expect(report).toEqual([]);
  }, 480_000);
});
