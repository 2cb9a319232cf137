import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logger';
import type { Db } from '../neo4j/db';
import { projectRoot } from '../paths';
import { formatCitation, MODEL, parseCitations, type Model } from '../model';
import { checkNodeProperties, checkRelationshipProperties } from '../model/checkProperties';
import { assemble, countGraph, splitOrigin } from './assemble';
import { resolveCitations, type CitedGraph } from './citations';
import { readReviewedHosts, type ReviewedHost } from './hostReview';
import { applyProfiles } from './profiles';
import { applyRoles } from './roles';
import { applyRules, readRules, type LoadedRule } from './rules';
import { readSourceRegistry, seedFilePaths } from './sources/registry';
import { SeedValidationError, type GraphEdge, type GraphNode, type GraphPart, type SeedIssue } from './graph';
import { refreshPlannerStatistics } from './repository';
import { readClassification, readLandscape } from './sources/landscape';
import { readOzgCatalogue } from './sources/ozgCatalogue';
import { readSeedFiles } from './sources/seedFiles';
import { readCuratedSections } from './sources/curatedSections';
import { writeGraph, type ProgressFn, type WriteSummary } from './writeGraph';
import { applyOverlay, type CurationConflict } from '../curation/overlay';
import { readOverlay } from '../curation/readOverlay';
import { recordConflicts } from '../curation/repository';

/** Where the loader reads from: the two data sets and the hand-written seed files. */
export interface SeedSources {
  readonly ozgCatalogueDir: string;
  readonly landscapeDir: string;
  readonly seedsDir: string;
  /** Paths in messages are relative to this folder. */
  readonly displayRoot: string;
}

/** The copies shipped in the repository (seeds/datasets/, taken from ../shared/data/ with their licences). */
export function defaultSources(): SeedSources {
  const seedsDir = path.join(projectRoot, 'seeds');
  return {
    ozgCatalogueDir: path.join(seedsDir, 'datasets', 'ozg-katalog-nrw-2019'),
    landscapeDir: path.join(seedsDir, 'datasets', 'd-stack-landscape'),
    seedsDir,
    displayRoot: projectRoot,
  };
}

/** The validated graph with its sources and rules, ready to write. */
export interface LoadedGraph extends CitedGraph {
  readonly rules: readonly (LoadedRule & { readonly edgeCount: number; readonly sources: readonly string[] })[];
  /** The versions of the data read, for the change log. */
  readonly datasets: readonly string[];
  /** The hosts of seeds/hosts.yaml: reviewed as publishers of what they are cited for. */
  readonly reviewedHosts: readonly ReviewedHost[];
}

/** The data set versions a load read: the D-Stack definition, the catalogue, and a hash of the seed files. */
export function datasetVersions(sources: SeedSources, nodes: readonly { label: string; id: string; props: Record<string, unknown> }[]): string[] {
  const germany = nodes.find((n) => n.id === 'stack:germany');
  const items = nodes.filter((n) => typeof n.props.landscapeLayer === 'string').length;
  const services = nodes.filter((n) => n.label === 'Service').length;
  const h = crypto.createHash('sha256');
  for (const f of seedFilePaths(sources.seedsDir)) h.update(path.relative(sources.seedsDir, f)).update(fs.readFileSync(f));
  return [
    `d-stack-landscape: stack:germany ${String(germany?.props.version ?? '?')} (${String(germany?.props.publishedAt ?? '?')}), ${items} items`,
    `ozg-katalog-nrw-2019: ${services} services`,
    `seeds: sha256 ${h.digest('hex').slice(0, 12)}`,
  ];
}

const issueKey = (i: SeedIssue): string => `${i.file}\u0000${i.entry}\u0000${i.field}\u0000${i.message}`;

/** The model's check of every node's and relationship's properties, located by origin. */
export function checkGraph(graph: { readonly nodes: readonly GraphNode[]; readonly edges: readonly GraphEdge[] }, model: Model = MODEL): SeedIssue[] {
  const issues: SeedIssue[] = [];
  for (const n of graph.nodes) {
    for (const p of checkNodeProperties(model, n.label, n.props)) {
      const [file, entry] = splitOrigin(n.origin);
      issues.push({ file, entry, field: p.field, message: p.message });
    }
  }
  for (const e of graph.edges) {
    for (const p of checkRelationshipProperties(model, e.type, e.props)) {
      const [file, entry] = splitOrigin(e.origin);
      issues.push({ file, entry, field: p.field, message: p.message });
    }
  }
  return issues;
}

/** Reads and validates every source; throws SeedValidationError listing every problem. */
export function buildGraph(sources: SeedSources, today: string = new Date().toISOString().slice(0, 10)): LoadedGraph {
  const { classification, issues: classIssues } = readClassification(path.join(sources.seedsDir, 'landscape-classification.yaml'), sources.displayRoot);
  const parts: GraphPart[] = [
    { nodes: [], edges: [], issues: classIssues },
    readOzgCatalogue(sources.ozgCatalogueDir, sources.displayRoot),
    readLandscape(sources.landscapeDir, classification, sources.displayRoot),
    readSeedFiles(sources.seedsDir, sources.displayRoot),
  ];
  const { graph: assembled, issues } = assemble(parts);
  const { registry, issues: registryIssues } = readSourceRegistry(sources.seedsDir, sources.displayRoot);
  issues.push(...registryIssues);
  const reviewed = readReviewedHosts(sources.seedsDir, sources.displayRoot, registry.denied);
  issues.push(...reviewed.issues);
  const { rules, issues: ruleIssues } = readRules(sources.seedsDir, registry, sources.displayRoot);
  issues.push(...ruleIssues);
  // Rules see the stated graph only (never their own output), so their order does not matter.
  const applied = applyRules(assembled, rules);
  issues.push(...applied.issues);
  // Profiles and decisions (seeds/profiles), then the criteria assessments that read them.
  const profiled = applyProfiles({ nodes: assembled.nodes, edges: [...assembled.edges, ...applied.edges] }, registry, sources.seedsDir, sources.displayRoot, today);
  issues.push(...profiled.issues);
  // Roles and redundancy on uses (stated, or inferred from alternative groups).
  const roled = applyRoles(profiled.graph);
  issues.push(...roled.issues);
  const { graph: cited, issues: citationIssues } = resolveCitations(roled.graph, registry);
  issues.push(...citationIssues);
  // Curated facts merged into the seed files (npm run export-curated): laid over everything else by
  // the same rules as the live overlay; one that does not fit is a problem of its entry.
  const curatedSections = readCuratedSections(sources.seedsDir, sources.displayRoot);
  issues.push(...curatedSections.issues);
  const curated = applyOverlay(cited, curatedSections.entries);
  for (const c of curated.conflicts) {
    const at = curatedSections.entries.find((e) => e.id === c.proposal);
    issues.push({ file: at?.file ?? 'seeds', entry: at?.entry ?? c.proposal, field: c.operation >= 0 ? `changes[${c.operation}]` : 'changes', message: c.message });
  }
  const graph = { ...cited, nodes: portableConflicts(curated.graph.nodes, path.relative(sources.displayRoot, sources.seedsDir)), edges: curated.graph.edges };
  // Everything written passes the model's one check, also what the loader made itself (rules,
  // profiles, roles); a problem a seed file's reader reported already is not repeated.
  const reported = new Set(issues.map(issueKey));
  for (const i of checkGraph(graph)) if (!reported.has(issueKey(i))) issues.push(i);
  if (issues.length > 0) throw new SeedValidationError(issues);
  return {
    ...graph,
    reviewedHosts: reviewed.hosts,
    datasets: datasetVersions(sources, graph.nodes),
    rules: rules.map((r) => {
      const parsed = parseCitations(r.source);
      return { ...r, edgeCount: applied.counts.get(r.id) ?? 0, sources: 'citations' in parsed ? parsed.citations.map(formatCitation) : [] };
    }),
  };
}

/**
 * Conflict records name where each value was stated; a seeds folder elsewhere (a copy) names its
 * files as `seeds/...` too, so that the same files give the same graph wherever they lie.
 */
function portableConflicts(nodes: readonly GraphNode[], seedsRel: string): GraphNode[] {
  if (seedsRel === 'seeds') return [...nodes];
  const fix = (at: string): string => (at.startsWith(`${seedsRel}/`) ? `seeds/${at.slice(seedsRel.length + 1)}` : at);
  return nodes.map((n) => {
    if (!Array.isArray(n.props.conflicts)) return n;
    const conflicts = (n.props.conflicts as string[]).map((c) => {
      const x = JSON.parse(c) as { statedAt: string; overriddenAt: string };
      return JSON.stringify({ ...x, statedAt: fix(x.statedAt), overriddenAt: fix(x.overriddenAt) });
    });
    return { ...n, props: { ...n.props, conflicts } };
  });
}

/** What a seed run read and wrote. */
export interface SeedResult {
  readonly counts: ReturnType<typeof countGraph>;
  readonly summary: WriteSummary;
  readonly provenance: ProvenanceSummary;
  /** The accepted proposals laid over the seed files: how many, how many applied, and the conflicts. */
  readonly curation: { readonly accepted: number; readonly applied: number; readonly conflicts: readonly CurationConflict[] };
}

/** What the load says about its provenance: sources by kind, rules and their links, known use. */
export interface ProvenanceSummary {
  readonly sourcesByKind: Record<string, number>;
  readonly rules: { id: string; edgeCount: number }[];
  readonly services: number;
  /** Services with a sourced USES to a component, and with inferred ones only. */
  readonly componentUse: { sourced: number; inferred: number };
  /** Facts by evidence: nodes and relationships with sources, and the profile facts beside them. */
  readonly factsByEvidence: Record<string, number>;
}

/** Sources by kind, rules with their link counts, and services with known component use. */
export function summarizeProvenance(graph: LoadedGraph): ProvenanceSummary {
  const sourcesByKind: Record<string, number> = {};
  for (const s of graph.sources) sourcesByKind[s.kind] = (sourcesByKind[s.kind] ?? 0) + 1;
  const labelOf = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const use = new Map<string, boolean>();
  for (const e of graph.edges) {
    if (e.type !== 'USES' || labelOf.get(e.from) !== 'Service' || labelOf.get(e.to) !== 'Component') continue;
    use.set(e.from, (use.get(e.from) ?? false) || e.props.evidence === 'sourced');
  }
  const sourced = [...use.values()].filter(Boolean).length;
  const factsByEvidence: Record<string, number> = {};
  const count = (ev: unknown): void => {
    factsByEvidence[String(ev)] = (factsByEvidence[String(ev)] ?? 0) + 1;
  };
  for (const x of [...graph.nodes, ...graph.edges]) {
    if (Array.isArray(x.props.sources)) count(x.props.evidence ?? 'sourced');
    for (const [k, v] of Object.entries(x.props)) if (k !== 'roleEvidence' && k.endsWith('Evidence')) for (const ev of Array.isArray(v) ? v : [v]) count(ev);
  }
  return {
    factsByEvidence,
    sourcesByKind,
    rules: graph.rules.map((r) => ({ id: r.id, edgeCount: r.edgeCount })),
    services: graph.nodes.filter((n) => n.label === 'Service').length,
    componentUse: { sourced, inferred: use.size - sourced },
  };
}

/** The provenance summary as lines for a terminal. */
export function formatProvenance(p: ProvenanceSummary): string {
  const kinds = Object.entries(p.sourcesByKind)
    .sort(([, a], [, b]) => b - a)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const total = Object.values(p.sourcesByKind).reduce((a, b) => a + b, 0);
  const rules = p.rules.map((r) => `${r.id} ${r.edgeCount.toLocaleString('en')}`).join(', ');
  const known = p.componentUse.sourced + p.componentUse.inferred;
  const evidence = ['sourced', 'secondary', 'reported', 'inferred'].map((k) => `${k} ${(p.factsByEvidence[k] ?? 0).toLocaleString('en')}`).join(', ');
  return [
    `facts by evidence: ${evidence}`,
    `sources: ${total} in the registry (${kinds})`,
    `rules: ${p.rules.length} made ${p.rules.reduce((a, r) => a + r.edgeCount, 0).toLocaleString('en')} inferred links (${rules})`,
    `component use known for ${known.toLocaleString('en')} of ${p.services.toLocaleString('en')} services: stated by a source for ${p.componentUse.sourced.toLocaleString('en')}, inferred for ${p.componentUse.inferred.toLocaleString('en')}`,
    '',
  ].join('\n');
}

/** The curated overlay of a load as lines for a terminal: how many proposals applied, and each conflict. */
export function formatCuration(c: SeedResult['curation']): string {
  if (c.accepted === 0) return '';
  const lines = [`curated: ${c.applied} of ${c.accepted} accepted proposals re-applied${c.conflicts.length > 0 ? `, ${c.conflicts.length} in conflict (see curationConflicts; review them again):` : ''}`];
  for (const x of c.conflicts) lines.push(`  - ${x.proposal}: ${x.message}`);
  return `${lines.join('\n')}\n`;
}

/** Validates everything, then writes it in one transaction (nothing is written when validation fails). */
export async function runSeed(db: Db, sources: SeedSources, log: Logger, onProgress?: ProgressFn): Promise<SeedResult> {
  const t0 = Date.now();
  const built = buildGraph(sources);
  // Accepted proposals are an overlay on the seed files, re-applied in order after every load; one
  // that no longer applies is listed as a conflict (log, seed summary, curationConflicts), never dropped silently.
  const overlay = await readOverlay(db);
  const laid = applyOverlay(built, overlay);
  const graph: LoadedGraph = { ...built, nodes: laid.graph.nodes, edges: laid.graph.edges };
  for (const c of laid.conflicts) log.warn({ proposal: c.proposal, operation: c.operation, target: c.target }, `curated change no longer applies: ${c.message}`);
  const counts = countGraph(graph);
  log.info({ nodes: graph.nodes.length, relationships: graph.edges.length, validateMs: Date.now() - t0 }, 'seed data validated');
  const summary = await writeGraph(db, graph, onProgress);
  try {
    await db.write(refreshPlannerStatistics);
  } catch (e) {
    // Needs admin rights on some servers; the data is committed either way.
    log.warn({ err: e }, 'could not refresh index statistics and query plans after the load; queries may be slow until Neo4j replans');
  }
  const total = (o: WriteSummary['nodes']): { created: number; changed: number; unchanged: number } =>
    Object.values(o).reduce((a, b) => ({ created: a.created + b.created, changed: a.changed + b.changed, unchanged: a.unchanged + b.unchanged }), { created: 0, changed: 0, unchanged: 0 });
  log.info({ nodes: total(summary.nodes), relationships: total(summary.relationships), writeMs: summary.ms }, 'seed data written');
  if (overlay.length > 0) await db.write((tx) => recordConflicts(tx, summary.load.id, laid.conflicts.map((c) => ({ proposal: c.proposal, json: JSON.stringify(c) }))));
  return { counts, summary, provenance: summarizeProvenance(graph), curation: { accepted: overlay.length, applied: laid.applied.length, conflicts: laid.conflicts } };
}
