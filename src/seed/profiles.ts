import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import {
  ACCESSIBILITY_CONFORMANCE,
  ASSESSMENT_MAPPING_ID,
  ATTESTATION_SCHEMES,
  COUNTRY_CODE,
  DECISION_OUTCOMES,
  OBTAIN_CHANNELS,
  OPERATING_MODELS,
  BINDING_SCOPES,
  STANDARD_KINDS,
  assessItem,
  evidenceBySources,
  formatCitation,
  inEu,
  isOpenLicenceClass,
  licenceClassOf,
  normalizeLicenceExpression,
  parseCitations,
  readCitation,
  stageOf,
  type ItemFacts,
  type LicenceClass,
  type LifecycleStage,
} from '../model';
import { edgeKey, splitOrigin, type Graph } from './assemble';
import { recordConflict, RESEARCH_OVER_DATASET } from './conflicts';
import { clean, isMap, type GraphEdge, type GraphNode, type PropValue, type SeedIssue } from './graph';
import type { SourceRegistry } from './sources/registry';

/** The folder of profile files inside the seeds folder. */
export const PROFILES_DIR = 'profiles';

/** The internal registry entry that names the criteria mapping (src/model/assessment.ts). */
export const MAPPING_SOURCE = 'dstack-graph-criteria-mapping';
/** The D-Stack's own page naming the six criteria. */
export const CRITERIA_SOURCE = 'dstack-opencode-kriterien';

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const ITEM_LABELS = new Set(['Component', 'Standard']);

type Problem = (field: string, message: string) => void;

/**
 * Applies the profile files (`seeds/profiles/*.yaml`: `profiles`, `jurisdictions`, `decisions`) and
 * the data sets' own profile facts to the assembled graph, then assesses every component and standard
 * against the six D-Stack criteria.
 *
 * Facts become properties of the item, each with its citations and evidence beside it (`licence`,
 * `licenceSources`, `licenceEvidence`; lists such as `operatingModels` with parallel `...By` and
 * `...Sources` lists), or relationships (STEWARDS, SUCCEEDED_BY, ASSESSED; decisions are nodes with
 * DECIDES, DECIDED_BY, SCOPED_TO and RATES). Every citation is checked against the registry.
 */
export function applyProfiles(graph: Graph, registry: SourceRegistry, seedsDir: string, displayRoot: string, today: string): { graph: Graph; issues: SeedIssue[] } {
  const issues: SeedIssue[] = [];
  const nodes = new Map<string, GraphNode>(graph.nodes.map((n) => [n.id, { ...n, props: { ...n.props } }]));
  const edges: GraphEdge[] = [...graph.edges];
  const props = (id: string): Record<string, PropValue> => (nodes.get(id) as GraphNode).props as Record<string, PropValue>;

  /** Checks a fact's citations; returns them formatted (`id (locator)`), or null after reporting. */
  /** The evidence a profile fact's citations bear (`secondary` without a primary source). */
  const borne = (evidence: string, sources: readonly string[]): string =>
    evidenceBySources(evidence, sources.map((s) => registry.entries.get(readCitation(s)?.id ?? s)?.kind ?? 'internal'));
  const cite = (text: unknown, problem: Problem, evidence: string): string[] | null => {
    if (typeof text !== 'string' || text.trim() === '') {
      problem('source', 'is required: one or more ids of the source registry');
      return null;
    }
    const parsed = parseCitations(text);
    if ('error' in parsed) {
      problem('source', parsed.error);
      return null;
    }
    const unknown = parsed.citations.filter((c) => !registry.entries.has(c.id));
    for (const c of unknown) problem('source', `names "${c.id}", which is no source of the registry; add it to a sources: section with its canonical address`);
    if (unknown.length > 0) return null;
    if (evidence === 'sourced' && parsed.citations.every((c) => registry.entries.get(c.id)?.kind === 'internal')) {
      problem('source', 'cites only internal notes, so the fact is not sourced: cite the publisher, or mark it evidence: inferred');
      return null;
    }
    return parsed.citations.map(formatCitation);
  };
  const evidenceOf = (raw: Record<string, unknown>, problem: Problem): string => {
    const e = String(raw.evidence ?? 'sourced');
    if (e !== 'sourced' && e !== 'inferred') problem('evidence', `must be sourced or inferred, got "${e}"`);
    return e;
  };
  const isItem = (id: unknown): id is string => typeof id === 'string' && ITEM_LABELS.has(nodes.get(id)?.label ?? '');
  const isOrg = (id: unknown): id is string => typeof id === 'string' && nodes.get(id)?.label === 'Organization';

  // 1. Licences the data sets state (landscape `license`), normalised to SPDX ids and classified.
  const datasetLicences = new Map<string, string>();
  for (const n of nodes.values()) {
    if (!ITEM_LABELS.has(n.label) || typeof n.props.license !== 'string') continue;
    setLicence(n, n.props.license, [String(n.props.licenseSource ?? n.props.source)], 'sourced', issues);
    if (typeof n.props.licence === 'string') datasetLicences.set(n.id, n.props.licence);
    delete n.props.licenseSource;
  }
  /** Single-valued profile facts stated so far, per item and field: value, where, and an override's reason. */
  const statements = new Map<string, { value: string; at: string; overrides: string | null }>();

  // 2. Countries of organisations: stated (organizations: country, jurisdictions:) or, for German
  //    public bodies, their level (a body of the Bund, a Land or a Kommune sits in Germany).
  for (const n of nodes.values()) {
    if (n.label !== 'Organization') continue;
    const c = n.props.country;
    if (c !== undefined) {
      if (typeof c !== 'string' || !COUNTRY_CODE.test(c)) {
        const [file, entry] = splitOrigin(n.origin);
        issues.push({ file, entry, field: 'country', message: `must be an ISO 3166-1 alpha-2 code (or EU), got "${String(c)}"` });
      }
      else {
        n.props.countrySources = [String(n.props.source)];
        const parsed = parseCitations(String(n.props.source ?? ''));
        n.props.countryEvidence = 'citations' in parsed ? borne(String(n.props.evidence ?? 'sourced'), parsed.citations.map((c) => c.id)) : String(n.props.evidence ?? 'sourced');
      }
    } else if (n.props.level === 'Bund' || n.props.level === 'Land' || n.props.level === 'Kommune') {
      n.props.country = 'DE';
      n.props.countrySources = [MAPPING_SOURCE];
      n.props.countryEvidence = 'inferred';
      n.props.countryNote = `a ${n.props.level}-level public body of Germany`;
    }
  }

  // 3. The profile files.
  const files = readProfileFiles(seedsDir, displayRoot, issues);
  for (const { file, doc } of files) {
    list(doc, 'jurisdictions', file, issues).forEach(({ raw, entry, problem }) => {
      if (!isOrg(raw.org)) return problem('org', `must be the id of an organisation, got "${String(raw.org)}"`);
      const country = String(raw.country ?? '');
      if (!COUNTRY_CODE.test(country)) return problem('country', `must be an ISO 3166-1 alpha-2 code (or EU), got "${country}"`);
      const stated = evidenceOf(raw, problem);
      const sources = cite(raw.source, problem, stated);
      if (!sources) return;
      const evidence = borne(stated, sources);
      const p = props(raw.org);
      if (p.country !== undefined && p.countryEvidence !== 'inferred' && p.country !== country) return problem('country', `"${country}" contradicts the country "${String(p.country)}" stated for ${raw.org} elsewhere`);
      Object.assign(p, { country, countrySources: sources, countryEvidence: evidence });
      delete p.countryNote;
      if (typeof raw.note === 'string' && raw.note.trim() !== '') p.seat = raw.note.trim();
      void entry;
    });
    list(doc, 'profiles', file, issues).forEach(({ raw, entry, problem }) => {
      if (!isItem(raw.item)) return problem('item', `must be the id of a component or standard, got "${String(raw.item)}"`);
      const item = nodes.get(raw.item) as GraphNode;
      const origin = `${file}: ${entry}`;
      /**
       * A single-valued fact stated by two entries with different values is refused, naming both,
       * unless exactly one says why it `overrides` the other: that one holds and the conflict is
       * recorded on the item. Returns whether this statement applies.
       */
      const settle = (key: string, f: Record<string, unknown>, problemAt: Problem): boolean => {
        const value = factValue(key, f);
        const here = { value, at: origin, overrides: typeof f.overrides === 'string' && f.overrides.trim() !== '' ? f.overrides.trim() : null };
        if (f.overrides !== undefined && here.overrides === null) problemAt('overrides', 'must say why this value holds over the other statement');
        const k = `${item.id}|${key}`;
        const before = statements.get(k);
        if (!before) {
          statements.set(k, here);
          return true;
        }
        if (before.value === value) return true;
        if ((before.overrides === null) === (here.overrides === null)) {
          problemAt('(fact)', `states ${key} "${value}", but ${before.at} states "${before.value}"; remove one, or say in \`overrides\` of the one that holds why it holds`);
          return false;
        }
        const [win, lose] = here.overrides !== null ? [here, before] : [before, here];
        recordConflict(item, { field: key, value: win.value, overridden: lose.value, statedAt: win.at, overriddenAt: lose.at, reason: win.overrides as string });
        statements.set(k, win);
        return win === here;
      };
      const allowed = new Set(['item', 'licence', 'steward', 'operatingModels', 'obtain', 'attestations', 'accessibility', 'endOfSupport', 'successor', 'standardKind', 'security', 'editions', 'note']);
      for (const k of Object.keys(raw)) if (!allowed.has(k)) problem(k, `is no field of a profile; allowed: ${[...allowed].join(', ')}`);
      const fact = (key: string, f: unknown, each: (f: Record<string, unknown>, problem: Problem, sources: string[], evidence: string) => void): void => {
        if (f === undefined || f === null) return;
        const problemAt: Problem = (field, message) => problem(`${key}.${field}`, message);
        if (!isMap(f)) return problemAt('(fact)', 'must be a mapping with its source');
        if (SINGLE_FACTS.has(key) && !settle(key, f, problemAt)) return;
        const stated = evidenceOf(f, problemAt);
        const sources = cite(f.source, problemAt, stated);
        if (sources) each(f, problemAt, sources, borne(stated, sources));
      };
      const facts = (key: string, v: unknown, each: (f: Record<string, unknown>, problem: Problem, sources: string[], evidence: string) => void): void => {
        if (v === undefined || v === null) return;
        if (!Array.isArray(v)) return problem(key, 'must be a list');
        v.forEach((f, i) => fact(`${key}[${i}]`, f, each));
      };
      fact('licence', raw.licence, (f, p, sources, evidence) => {
        if (typeof f.spdx !== 'string') return p('spdx', 'is required: an SPDX id or LicenseRef-proprietary');
        const datasetLicence = datasetLicences.get(item.id);
        setLicence(item, f.spdx, sources, evidence, issues, { file, entry, field: 'licence.spdx' });
        if (datasetLicence !== undefined && item.props.licence !== datasetLicence) {
          recordConflict(item, { field: 'licence', value: String(item.props.licence), overridden: datasetLicence, statedAt: origin, overriddenAt: `${item.origin.split(' + ')[0] as string} (the data set's license)`, reason: RESEARCH_OVER_DATASET });
          datasetLicences.delete(item.id);
        }
      });
      fact('steward', raw.steward, (f, p, sources, evidence) => {
        if (!isOrg(f.org)) return p('org', `must be the id of an organisation, got "${String(f.org)}"`);
        edges.push({ type: 'STEWARDS', from: f.org, to: item.id, props: { source: sources.join(' ; '), evidence }, origin: `${origin} field "steward"` });
      });
      // A list fact is one entry in each of its parallel lists ('' where a field is absent).
      const lists: Record<string, PropValue[]> = {};
      const push = (row: Record<string, unknown>): void => {
        for (const [k, v] of Object.entries(row)) (lists[k] ??= []).push(v === undefined || v === null ? '' : String(v));
      };
      const enumCheck = (p: Problem, field: string, v: unknown, allowed: readonly string[]): boolean => {
        if (allowed.includes(String(v))) return true;
        p(field, `must be one of ${allowed.join(', ')}, got "${String(v)}"`);
        return false;
      };
      const orgCheck = (p: Problem, field: string, v: unknown): boolean => {
        if (v === undefined || isOrg(v)) return true;
        p(field, `must be the id of an organisation, got "${String(v)}"`);
        return false;
      };
      facts('operatingModels', raw.operatingModels, (f, p, sources, evidence) => {
        if (!enumCheck(p, 'model', f.model, OPERATING_MODELS) || !orgCheck(p, 'by', f.by)) return;
        push({ operatingModels: f.model, operatingModelBy: f.by, operatingModelSources: sources.join(' ; '), operatingModelEvidence: evidence });
      });
      facts('obtain', raw.obtain, (f, p, sources, evidence) => {
        if (!enumCheck(p, 'channel', f.channel, OBTAIN_CHANNELS) || !orgCheck(p, 'by', f.by)) return;
        if (f.url !== undefined && !/^https?:\/\//.test(String(f.url))) return p('url', `must be an http(s) address, got "${String(f.url)}"`);
        push({ obtainChannels: f.channel, obtainBy: f.by, obtainUrls: f.url, obtainSources: sources.join(' ; '), obtainEvidence: evidence });
      });
      facts('attestations', raw.attestations, (f, p, sources, evidence) => {
        if (!enumCheck(p, 'scheme', f.scheme, ATTESTATION_SCHEMES) || !orgCheck(p, 'holder', f.holder)) return;
        const date = dateText(f.date);
        if (date !== null && !DATE.test(date)) return p('date', `must be YYYY, YYYY-MM or YYYY-MM-DD, got "${date}"`);
        push({ attestations: f.scheme, attestationHolders: f.holder, attestationScopes: f.scope, attestationDates: date, attestationSources: sources.join(' ; '), attestationEvidence: evidence });
      });
      facts('editions', raw.editions, (f, p, sources, evidence) => {
        if (typeof f.name !== 'string' || f.name.trim() === '') return p('name', 'is required: the edition as the vendor names it (e.g. Community Edition)');
        if (typeof f.licence !== 'string') return p('licence', 'is required: an SPDX id or LicenseRef-proprietary');
        const spdx = normalizeLicenceExpression(f.licence);
        const cls = licenceClassOf(spdx);
        if (!cls) return p('licence', `"${f.licence}" is not in the licence table (src/model/licences.ts)`);
        push({ editionNames: f.name.trim(), editionLicences: spdx, editionClasses: cls, editionSources: sources.join(' ; '), editionEvidence: evidence });
      });
      for (const [k, v] of Object.entries(lists)) item.props[k] = [...((item.props[k] as string[] | undefined) ?? []), ...(v as string[])];
      fact('accessibility', raw.accessibility, (f, p, sources, evidence) => {
        if (f.conformance !== undefined && !enumCheck(p, 'conformance', f.conformance, ACCESSIBILITY_CONFORMANCE)) return;
        if (typeof f.standard !== 'string') return p('standard', 'is required (e.g. bitv-2.0, wcag-2.1, en-301-549)');
        Object.assign(item.props, clean({ accessibility: f.standard, accessibilityLevel: f.level === undefined ? undefined : String(f.level), accessibilityConformance: f.conformance === undefined ? undefined : String(f.conformance), accessibilitySources: sources, accessibilityEvidence: evidence }));
      });
      fact('endOfSupport', raw.endOfSupport, (f, p, sources, evidence) => {
        const date = dateText(f.date);
        if (date === null || !DATE.test(date)) return p('date', `is required: YYYY, YYYY-MM or YYYY-MM-DD, got "${String(date ?? '')}"`);
        const version = f.version === undefined || f.version === null ? undefined : String(f.version);
        Object.assign(item.props, clean({ endOfSupport: date, endOfSupportVersion: version, endOfSupportSources: sources, endOfSupportEvidence: evidence }));
      });
      fact('standardKind', raw.standardKind, (f, p, sources, evidence) => {
        if (item.label !== 'Standard') return p('(fact)', 'applies to standards only');
        if (!enumCheck(p, 'kind', f.kind, STANDARD_KINDS)) return;
        const bindingFor = f.bindingFor === undefined ? [] : Array.isArray(f.bindingFor) ? f.bindingFor.map(String) : [String(f.bindingFor)];
        for (const b of bindingFor) if (!enumCheck(p, 'bindingFor', b, BINDING_SCOPES)) return;
        Object.assign(item.props, clean({ standardKind: String(f.kind), binding: f.binding === undefined ? undefined : String(f.binding), bindingFor, standardKindSources: sources, standardKindEvidence: evidence }));
      });
      fact('security', raw.security, (f, p, sources, evidence) => {
        for (const k of ['policy', 'advisories'] as const) if (f[k] !== undefined && !/^https?:\/\//.test(String(f[k]))) return p(k, `must be an http(s) address, got "${String(f[k])}"`);
        for (const k of ['csaf', 'sbom'] as const) if (f[k] !== undefined && typeof f[k] !== 'boolean') return p(k, `must be true or false, got "${String(f[k])}"`);
        if (f.policy === undefined && f.advisories === undefined && f.csaf === undefined && f.sbom === undefined) return p('(fact)', 'states nothing: give policy, advisories, csaf or sbom');
        Object.assign(item.props, clean({ securityPolicy: f.policy === undefined ? undefined : String(f.policy), securityAdvisories: f.advisories === undefined ? undefined : String(f.advisories), csaf: f.csaf as boolean | undefined, sbom: f.sbom as boolean | undefined, securitySources: sources, securityEvidence: evidence }));
      });
      fact('successor', raw.successor, (f, p, sources, evidence) => {
        if (!isItem(f.item) || f.item === item.id) return p('item', `must be the id of another component or standard, got "${String(f.item)}"`);
        const since = dateText(f.since);
        const until = dateText(f.until);
        for (const [k, d] of [['since', since], ['until', until]] as const) if (d !== null && !DATE.test(d)) return p(k, `must be YYYY, YYYY-MM or YYYY-MM-DD, got "${d}"`);
        edges.push({ type: 'SUCCEEDED_BY', from: item.id, to: f.item, props: clean({ source: sources.join(' ; '), evidence, since: since ?? undefined, until: until ?? undefined, note: f.note === undefined ? undefined : String(f.note) }), origin: `${origin} field "successor"` });
      });
    });
    list(doc, 'decisions', file, issues).forEach(({ raw, entry, problem }) => {
      const id = String(raw.id ?? '');
      const origin = `${file}: ${entry}`;
      if (!/^decision:[a-z0-9][a-z0-9.-]*$/.test(id)) return problem('id', `must look like decision:<slug>, got "${id}"`);
      if (nodes.has(id)) return problem('id', `"${id}" is already the id of a node (${nodes.get(id)?.origin})`);
      if (!isItem(raw.item)) return problem('item', `must be the id of a component or standard, got "${String(raw.item)}"`);
      const outcome = String(raw.outcome ?? '');
      if (!(DECISION_OUTCOMES as readonly string[]).includes(outcome)) return problem('outcome', `must be one of ${DECISION_OUTCOMES.join(', ')}, got "${outcome}"`);
      const date = dateText(raw.date);
      // A decision whose date no source states keeps no date (the API says "not stated").
      if (date !== null && !DATE.test(date)) return problem('date', `must be YYYY, YYYY-MM or YYYY-MM-DD, got "${date}"`);
      if (!isOrg(raw.body)) return problem('body', `must be the id of the deciding organisation, got "${String(raw.body)}"`);
      if (raw.stack !== undefined && nodes.get(String(raw.stack))?.label !== 'Stack') return problem('stack', `must be the id of a stack, got "${String(raw.stack)}"`);
      if (typeof raw.rationale !== 'string' || raw.rationale.trim() === '') return problem('rationale', 'is required: what the decision states');
      const evidence = evidenceOf(raw, problem);
      const sources = cite(raw.source, problem, evidence);
      if (!sources) return;
      const source = sources.join(' ; ');
      const bodyName = String(props(raw.body).shortName ?? props(raw.body).name);
      const itemName = String(props(raw.item).name);
      nodes.set(id, {
        label: 'Decision',
        id,
        origin,
        props: clean({ id, name: `${bodyName}${raw.reference ? ` ${String(raw.reference)}` : ''}: ${itemName} ${outcome}`, outcome, date: date ?? undefined, reference: raw.reference === undefined ? undefined : String(raw.reference), rationale: raw.rationale, item: raw.item, body: raw.body, stack: raw.stack === undefined ? undefined : String(raw.stack), source, evidence }),
      });
      edges.push({ type: 'DECIDES', from: id, to: raw.item, props: { outcome, source, evidence }, origin });
      edges.push({ type: 'DECIDED_BY', from: id, to: raw.body, props: { source, evidence }, origin });
      if (raw.stack !== undefined) edges.push({ type: 'SCOPED_TO', from: id, to: String(raw.stack), props: { source, evidence }, origin });
      if (raw.criteria !== undefined) {
        if (!Array.isArray(raw.criteria)) return problem('criteria', 'must be a list');
        raw.criteria.forEach((c: unknown, i: number) => {
          if (!isMap(c) || nodes.get(String(c.criterion))?.label !== 'Criterion') return problem(`criteria[${i}].criterion`, `must be the id of a criterion, got "${String(isMap(c) ? c.criterion : c)}"`);
          if (!['met', 'partly', 'not-met'].includes(String(c.level))) return problem(`criteria[${i}].level`, `must be met, partly or not-met, got "${String(c.level)}"`);
          edges.push({ type: 'RATES', from: id, to: String(c.criterion), props: clean({ level: String(c.level), note: c.note === undefined ? undefined : String(c.note), source, evidence }), origin: `${origin} criteria[${i}]` });
        });
      }
    });
  }

  // Two files naming the same steward or successor make one relationship citing both.
  const merged = new Map<string, GraphEdge>();
  const kept: GraphEdge[] = [];
  for (const e of edges) {
    if (e.type !== 'STEWARDS' && e.type !== 'SUCCEEDED_BY') {
      kept.push(e);
      continue;
    }
    const key = edgeKey(e.type, e.from, e.to);
    const first = merged.get(key);
    if (!first) {
      merged.set(key, e);
      kept.push(e);
      continue;
    }
    const cites = [...new Set([...String(first.props.source).split(' ; '), ...String(e.props.source).split(' ; ')])];
    const evidence = first.props.evidence === 'sourced' || e.props.evidence === 'sourced' ? 'sourced' : 'inferred';
    const combined = { ...first, props: { ...first.props, ...e.props, source: cites.join(' ; '), evidence } };
    kept[kept.indexOf(first)] = combined;
    merged.set(key, combined);
  }
  edges.length = 0;
  edges.push(...kept);

  // Stages of inclusions the data set's importer did not stage (INCLUDES written in seed files).
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i] as GraphEdge;
    if (e.type !== 'INCLUDES' || e.props.stage !== undefined) continue;
    const maturity = nodes.get(e.to)?.props.maturity;
    const lifecycle = stageOf(e.from, typeof e.props.status === 'string' ? e.props.status : undefined, typeof maturity === 'string' ? maturity : undefined);
    if (lifecycle) edges[i] = { ...e, props: { ...e.props, stage: lifecycle.stage, stageBasis: `${lifecycle.basis} (stage table of src/model/lifecycle.ts)` } };
  }

  // 4. Open source as the licence says (the landscape's `oss` flag is kept as it states it).
  for (const n of nodes.values()) {
    if (!ITEM_LABELS.has(n.label)) continue;
    const cls = n.props.licenceClass as LicenceClass | undefined;
    if (cls) {
      n.props.openSource = isOpenLicenceClass(cls);
      if (typeof n.props.oss === 'boolean' && n.props.oss !== n.props.openSource) {
        n.props.licenceConflict = `the landscape says oss: ${String(n.props.oss)}, but ${String(n.props.licence)} is ${cls}`;
        recordConflict(n, { field: 'openSource', value: String(n.props.openSource), overridden: String(n.props.oss), statedAt: `the licence ${String(n.props.licence)} (${cls})`, overriddenAt: "the data set's oss flag", reason: 'open source follows the licence class (src/model/licences.ts)' });
      }
    }
  }

  // 5. Assessments against the six D-Stack criteria (a published rating of a decision replaces the mapping's).
  const rated = new Map<string, { level: string; source: string; decision: string }>();
  for (const e of edges) {
    if (e.type !== 'RATES') continue;
    const item = String(nodes.get(e.from)?.props.item);
    rated.set(`${item}|${e.to}`, { level: String(e.props.level), source: String(e.props.source), decision: e.from });
  }
  const facts = itemFacts([...nodes.values()], edges);
  const hasCriteria = nodes.has('criterion:dstack:digitale-souveraenitaet');
  if (hasCriteria) {
    for (const [id, f] of facts) {
      for (const a of assessItem(f, today)) {
        if (!nodes.has(a.criterion)) continue;
        const published = rated.get(`${id}|${a.criterion}`);
        const indicators = a.indicators.map((i) => `${i.indicator}=${i.value === null ? 'unknown' : String(i.value)}`);
        const props: Record<string, PropValue> = published
          ? { level: published.level, decision: published.decision, indicators, source: published.source, evidence: 'sourced' }
          : { level: a.level, mapping: ASSESSMENT_MAPPING_ID, indicators, source: `${CRITERIA_SOURCE} ; ${MAPPING_SOURCE}`, evidence: 'inferred' };
        edges.push({ type: 'ASSESSED', from: id, to: a.criterion, props, origin: `${ASSESSMENT_MAPPING_ID}: ${id} -> ${a.criterion}` });
      }
    }
  }
  return { graph: { nodes: [...nodes.values()], edges }, issues };
}

/** What the criteria mapping reads of every component and standard, from the graph being loaded. */
export function itemFacts(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): Map<string, ItemFacts> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const count = new Map<string, number>();
  const bump = (k: string): void => {
    count.set(k, (count.get(k) ?? 0) + 1);
  };
  const steward = new Map<string, string[]>();
  const maintainers = new Map<string, string[]>();
  const stage = new Map<string, LifecycleStage>();
  for (const e of edges) {
    if (e.type === 'IMPLEMENTS') bump(`impl|${e.from}`);
    else if (e.type === 'ADOPTS' && (e.props.status === 'in-use' || e.props.status === 'piloting')) bump(`adopt|${e.to}`);
    else if (e.type === 'USES' && e.props.evidence === 'sourced' && byId.get(e.from)?.label === 'Service') bump(`uses|${e.to}`);
    else if (e.type === 'INCLUDES') {
      bump(`stacks|${e.to}`);
      if (e.from === 'stack:germany' && typeof e.props.stage === 'string') stage.set(e.to, e.props.stage as LifecycleStage);
    } else if (e.type === 'STEWARDS') steward.set(e.to, [...(steward.get(e.to) ?? []), e.from]);
    else if (e.type === 'MAINTAINS') maintainers.set(e.to, [...(maintainers.get(e.to) ?? []), e.from]);
  }
  const out = new Map<string, ItemFacts>();
  for (const n of nodes) {
    if (n.label !== 'Component' && n.label !== 'Standard') continue;
    const checks: Record<string, boolean> = {};
    for (const k of (n.props.checksTrue as string[] | undefined) ?? []) checks[k] = true;
    for (const k of (n.props.checksFalse as string[] | undefined) ?? []) checks[k] = false;
    const s = stewardOf(n.id, steward, maintainers);
    const country = s ? byId.get(s)?.props.country : undefined;
    out.set(n.id, {
      label: n.label,
      kind: typeof n.props.kind === 'string' ? n.props.kind : null,
      licenceClass: (n.props.licenceClass as LicenceClass | undefined) ?? null,
      checks,
      ownerType: typeof n.props.ownerType === 'string' ? n.props.ownerType : null,
      stewardInEu: typeof country === 'string' ? inEu(country) : null,
      operatingModels: (n.props.operatingModels as string[] | undefined) ?? [],
      attestations: ((n.props.attestations as string[] | undefined) ?? []).length,
      implementsStandards: count.get(`impl|${n.id}`) ?? 0,
      adopters: count.get(`adopt|${n.id}`) ?? 0,
      sourcedServices: count.get(`uses|${n.id}`) ?? 0,
      stacks: count.get(`stacks|${n.id}`) ?? 0,
      stage: stage.get(n.id) ?? null,
      endOfSupport: typeof n.props.endOfSupport === 'string' ? n.props.endOfSupport : null,
    });
  }
  return out;
}

/** The steward of an item: the organisation a source names as steward, else its only maintainer. */
export function stewardOf(id: string, stewards: ReadonlyMap<string, readonly string[]>, maintainers: ReadonlyMap<string, readonly string[]>): string | null {
  const s = stewards.get(id);
  if (s && s.length > 0) return s[0] as string;
  const m = maintainers.get(id);
  return m && m.length === 1 ? (m[0] as string) : null;
}

function setLicence(n: GraphNode, raw: string, sources: string[], evidence: string, issues: SeedIssue[], at?: { file: string; entry: string; field: string }): void {
  const spdx = normalizeLicenceExpression(raw);
  const cls = licenceClassOf(spdx);
  if (!cls) {
    const [file, entry] = splitOrigin(n.origin);
    issues.push({ ...(at ?? { file, entry, field: 'license' }), message: `"${raw}" is not in the licence table (src/model/licences.ts); add its SPDX id with its class` });
    return;
  }
  Object.assign(n.props, { licence: spdx, licenceClass: cls, licenceSources: sources, licenceEvidence: evidence });
}

/** Single-valued profile facts: two statements must agree, or one must say why it overrides the other. */
const SINGLE_FACTS = new Set(['licence', 'steward', 'endOfSupport', 'accessibility', 'standardKind', 'security']);

/** The value a single-valued fact states, as text for comparing and for the conflict record. */
function factValue(key: string, f: Record<string, unknown>): string {
  switch (key) {
    case 'licence':
      return normalizeLicenceExpression(String(f.spdx ?? ''));
    case 'steward':
      return String(f.org ?? '');
    case 'endOfSupport':
      return `${dateText(f.date) ?? ''}${f.version !== undefined ? ` (version ${String(f.version)})` : ''}`;
    case 'accessibility':
      return `${String(f.standard ?? '')} ${String(f.level ?? '')} ${String(f.conformance ?? '')}`.trim();
    case 'standardKind':
      return String(f.kind ?? '');
    default:
      return JSON.stringify(Object.fromEntries(Object.entries(f).filter(([k]) => k !== 'source' && k !== 'evidence' && k !== 'overrides' && k !== 'note')));
  }
}

function dateText(v: unknown): string | null {
  if (v === undefined || v === null || v === '') return null;
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
}

/** The profile files, parsed (YAML errors are reported by the seed file reader). */
function readProfileFiles(seedsDir: string, displayRoot: string, issues: SeedIssue[]): { file: string; doc: Record<string, unknown> }[] {
  const dir = path.join(seedsDir, PROFILES_DIR);
  if (!fs.existsSync(dir)) return [];
  const out: { file: string; doc: Record<string, unknown> }[] = [];
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.yaml') || x.endsWith('.yml')).sort()) {
    const full = path.join(dir, f);
    const file = path.relative(displayRoot, full);
    let doc: unknown;
    try {
      doc = YAML.parse(fs.readFileSync(full, 'utf8'), { uniqueKeys: true });
    } catch {
      continue;
    }
    if (isMap(doc)) out.push({ file, doc });
    else if (doc !== null && doc !== undefined) issues.push({ file, entry: 'document', field: '(top level)', message: 'must be a mapping of sections' });
  }
  return out;
}

/** The entries of one section, each with its name for messages and a problem reporter. */
function list(doc: Record<string, unknown>, key: string, file: string, issues: SeedIssue[]): { raw: Record<string, unknown>; entry: string; problem: Problem }[] {
  const v = doc[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    issues.push({ file, entry: key, field: '(section)', message: 'must be a list' });
    return [];
  }
  const out: { raw: Record<string, unknown>; entry: string; problem: Problem }[] = [];
  v.forEach((raw: unknown, i) => {
    const name = isMap(raw) ? (raw.id ?? raw.item ?? raw.org) : undefined;
    const entry = `${key}[${i}]${name !== undefined ? ` ("${String(name)}")` : ''}`;
    const problem: Problem = (field, message) => {
      issues.push({ file, entry, field, message });
    };
    if (!isMap(raw)) return problem('(entry)', 'must be a mapping');
    out.push({ raw, entry, problem });
  });
  return out;
}
