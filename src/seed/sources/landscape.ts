import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import YAML from 'yaml';
import { clean, type GraphEdge, type GraphNode, type GraphPart, type PropValue, type SeedIssue } from '../graph';
import { MATURITY_STACK, stageOf } from '../../model';

/** Provenance of the landscape, as stated in its data set README. */
/** The registry id of the landscape data set (seeds/sources.yaml); citations add the file as locator. */
export const LANDSCAPE_SOURCE = 'dstack-landscape';

/** True when `dir` looks like a copy of the D-Stack landscape data folder. */
export function isLandscape(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'items')) && fs.existsSync(path.join(dir, 'stacks')) && fs.existsSync(path.join(dir, 'layers'));
}

/** Which landscape items are standards (id → family); everything else becomes a Component. */
export type Classification = ReadonlyMap<string, string>;

/** Reads `landscapeStandards` from the classification file (seeds/landscape-classification.yaml). */
export function readClassification(file: string, displayRoot: string): { classification: Classification; issues: SeedIssue[] } {
  const issues: SeedIssue[] = [];
  const shown = path.relative(displayRoot, file);
  const map = new Map<string, string>();
  if (!fs.existsSync(file)) return { classification: map, issues: [{ file: shown, entry: 'file', field: '(file)', message: 'is missing' }] };
  const doc = YAML.parse(fs.readFileSync(file, 'utf8')) as { landscapeStandards?: unknown } | null;
  const list = doc?.landscapeStandards;
  if (!Array.isArray(list)) return { classification: map, issues: [{ file: shown, entry: 'document', field: 'landscapeStandards', message: 'must be a list' }] };
  list.forEach((e: unknown, i) => {
    const entry = e as { id?: unknown; family?: unknown } | null;
    if (!entry || typeof entry.id !== 'string') issues.push({ file: shown, entry: `landscapeStandards[${i}]`, field: 'id', message: 'is required' });
    else map.set(entry.id, typeof entry.family === 'string' ? entry.family : 'other');
  });
  return { classification: map, issues };
}

/** Component kinds by landscape sublayer: what a technology of that area is. */
const KIND_BY_SUBLAYER: Readonly<Record<string, string>> = {
  sprachen: 'technology',
  frameworks: 'technology',
  browser: 'technology',
  'native-apps': 'technology',
  // Connection, distribution and transport networks: physical infrastructure (fibre, mobile networks).
  anschluss: 'physical-infrastructure',
  verteilung: 'physical-infrastructure',
  transport: 'physical-infrastructure',
};

interface Item {
  id: string;
  name: string;
  layer: string;
  sublayer: string;
  description?: { de?: string; en?: string };
  homepage?: string;
  tags?: string[];
  oss?: boolean;
  maturity?: string;
  license?: string;
  ownerCountry?: string;
  audit?: unknown;
  sovereigntyCriteria?: Record<string, unknown>;
  dependencies?: { targetItemId?: string; type?: string; scope?: string; reason?: { de?: string; en?: string } }[];
}

/** Human names of the landscape's sovereignty criteria keys. */
export const SOVEREIGNTY_CRITERIA: Readonly<Record<string, string>> = {
  openSource: 'Open Source',
  euHeadquartered: 'Sitz in der EU',
  hasAudit: 'Unabhängig auditiert',
  permissiveLicense: 'Permissive Lizenz',
  matureProject: 'Reifes Projekt',
  selfHostable: 'Selbst betreibbar',
  dataPortability: 'Datenportabilität',
  openStandards: 'Offene Standards',
  noTelemetryByDefault: 'Keine Telemetrie ab Werk',
};

/** Slug of a landscape category name for layer ids (`Infrastruktur` → `infrastruktur`). */
export function slug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Reads the landscape: its five layers with their sublayers, every item (Standard or Component
 * by `classification`) with its sovereignty criteria and dependencies, the Landkarte categories of
 * items.csv, and every stack with the items it includes.
 */
export function readLandscape(dir: string, classification: Classification, displayRoot: string = path.dirname(dir)): GraphPart {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const issues: SeedIssue[] = [];
  const rel = (p: string): string => path.relative(displayRoot, path.join(dir, p));
  const readJson = (sub: string, f: string): unknown => {
    try {
      return JSON.parse(fs.readFileSync(path.join(dir, sub, f), 'utf8'));
    } catch (e) {
      issues.push({ file: rel(path.join(sub, f)), entry: 'document', field: '(json)', message: `cannot be parsed: ${(e as Error).message}` });
      return undefined;
    }
  };
  const jsonFiles = (sub: string): string[] =>
    fs.existsSync(path.join(dir, sub)) ? fs.readdirSync(path.join(dir, sub)).filter((f) => f.endsWith('.json')).sort() : [];
  const edge = (type: GraphEdge['type'], from: string, to: string, origin: string, source: string, extra: Record<string, PropValue> = {}): void => {
    edges.push({ type, from, to, origin, props: { source, evidence: 'sourced', ...extra } });
  };

  // Layers: the five layers of layers/*.json; sublayers appear only on items.
  const layerIds = new Set<string>();
  for (const f of jsonFiles('layers')) {
    const l = readJson('layers', f) as { id?: string; order?: number; name?: { de?: string; en?: string }; description?: { de?: string; en?: string } } | undefined;
    if (!l) continue;
    const file = rel(path.join('layers', f));
    if (!l.id || !l.name?.de) {
      issues.push({ file, entry: 'layer', field: l.id ? 'name.de' : 'id', message: 'is required' });
      continue;
    }
    layerIds.add(l.id);
    const id = `layer:landscape:${l.id}`;
    nodes.push({
      label: 'Layer',
      id,
      origin: file,
      props: clean({ id, name: l.name.de, nameEn: l.name.en, scheme: 'dstack-landscape', order: l.order, description: l.description?.de, descriptionEn: l.description?.en, source: `${LANDSCAPE_SOURCE} (${path.posix.join('layers', f)})`, evidence: 'sourced' }),
    });
  }

  // Items.
  const itemIds = new Set<string>();
  const itemIdByName = new Map<string, string>();
  const sublayers = new Map<string, { layer: string; sublayer: string; origin: string }>();
  const criteria = new Set<string>();
  const items: { item: Item; file: string; source: string }[] = [];
  for (const f of jsonFiles('items')) {
    const item = readJson('items', f) as Item | undefined;
    if (!item) continue;
    const file = rel(path.join('items', f));
    let ok = true;
    for (const field of ['id', 'name', 'layer', 'sublayer'] as const) {
      if (typeof item[field] !== 'string' || item[field] === '') {
        issues.push({ file, entry: `item${item.id ? ` "${item.id}"` : ''}`, field, message: 'is required' });
        ok = false;
      }
    }
    if (!ok) continue;
    if (itemIds.has(item.id)) issues.push({ file, entry: `item "${item.id}"`, field: 'id', message: 'is not unique across items/' });
    if (!layerIds.has(item.layer)) issues.push({ file, entry: `item "${item.id}"`, field: 'layer', message: `"${item.layer}" is no layer of layers/` });
    itemIds.add(item.id);
    itemIdByName.set(normalizeName(item.name), item.id);
    items.push({ item, file, source: `${LANDSCAPE_SOURCE} (${path.posix.join('items', f)})` });
  }
  for (const { item, file, source } of items) {
    const family = classification.get(item.id);
    const sov = item.sovereigntyCriteria ?? {};
    const audit = item.audit as { lastDate?: string } | undefined;
    const props = clean({
      id: item.id,
      name: item.name,
      description: item.description?.de,
      descriptionEn: item.description?.en,
      homepage: item.homepage,
      tags: item.tags,
      oss: item.oss,
      maturity: item.maturity,
      license: item.license,
      ownerCountry: item.ownerCountry,
      ownerType: typeof sov.ownerType === 'string' ? sov.ownerType : undefined,
      lastAuditDate: typeof audit?.lastDate === 'string' ? audit.lastDate : undefined,
      licenseSource: item.license ? source : undefined,
      checksTrue: Object.entries(sov).filter(([k, v]) => k !== 'ownerType' && v === true).map(([k]) => k),
      checksFalse: Object.entries(sov).filter(([k, v]) => k !== 'ownerType' && v === false).map(([k]) => k),
      landscapeLayer: item.layer,
      landscapeSublayer: item.sublayer,
      source,
      evidence: 'sourced',
      ...(family ? { family } : { kind: KIND_BY_SUBLAYER[item.sublayer] ?? 'technology' }),
    });
    nodes.push({ label: family ? 'Standard' : 'Component', id: item.id, origin: file, props, enrichable: true });
    const subId = `layer:landscape:${item.layer}/${item.sublayer}`;
    if (!sublayers.has(subId)) sublayers.set(subId, { layer: item.layer, sublayer: item.sublayer, origin: file });
    edge('IN_LAYER', item.id, subId, file, source);
    for (const [key, value] of Object.entries(sov)) {
      if (key === 'ownerType') continue;
      if (typeof value !== 'boolean') {
        issues.push({ file, entry: `item "${item.id}"`, field: `sovereigntyCriteria.${key}`, message: `must be true or false, got ${JSON.stringify(value)}` });
        continue;
      }
      criteria.add(key);
      if (value) edge('MEETS', item.id, `criterion:sovereignty:${key.toLowerCase()}`, file, source);
    }
    (item.dependencies ?? []).forEach((d, i) => {
      if (!d.targetItemId) {
        issues.push({ file, entry: `item "${item.id}" dependencies[${i}]`, field: 'targetItemId', message: 'is required' });
        return;
      }
      const extra = clean({ dependencyType: d.type, scope: d.scope, reason: d.reason?.de, reasonEn: d.reason?.en });
      // A dependency on a standard is an implementation of it; on anything else a dependency.
      const type = classification.has(d.targetItemId) ? 'IMPLEMENTS' : 'DEPENDS_ON';
      edge(type, item.id, d.targetItemId, `${file}: dependencies[${i}]`, source, extra);
    });
  }
  for (const [id, s] of sublayers) {
    nodes.push({
      label: 'Layer',
      id,
      origin: s.origin,
      props: { id, name: s.sublayer.charAt(0).toUpperCase() + s.sublayer.slice(1).replace(/-/g, ' '), scheme: 'dstack-landscape', source: `${LANDSCAPE_SOURCE} (items/*.json (sublayer))`, evidence: 'sourced' },
    });
    edge('PART_OF', id, `layer:landscape:${s.layer}`, s.origin, `${LANDSCAPE_SOURCE} (items/*.json (sublayer))`);
  }
  for (const key of [...criteria].sort()) {
    const id = `criterion:sovereignty:${key.toLowerCase()}`;
    nodes.push({ label: 'Criterion', id, origin: 'items/*.json sovereigntyCriteria', props: { id, name: SOVEREIGNTY_CRITERIA[key] ?? key, key, scheme: 'sovereignty', source: `${LANDSCAPE_SOURCE} (schemas/item.schema.json)`, evidence: 'sourced' } });
  }

  readLandkarte(dir, rel, itemIdByName, nodes, edges, issues);
  const itemById = new Map(items.map(({ item }) => [item.id, item]));
  const projectDates = readProjectDates(dir);
  const stackDecisionBodies: { decision: string; body: string; file: string; source: string }[] = [];

  // Stacks.
  for (const f of jsonFiles('stacks')) {
    const s = readJson('stacks', f) as
      | { id?: string; name?: { de?: string; en?: string }; description?: { de?: string; en?: string }; issuer?: string; country?: string; version?: string; publishedAt?: string; items?: unknown[] }
      | undefined;
    if (!s) continue;
    const file = rel(path.join('stacks', f));
    if (!s.id || !s.name?.de) {
      issues.push({ file, entry: 'stack', field: s.id ? 'name.de' : 'id', message: 'is required' });
      continue;
    }
    const id = `stack:${s.id}`;
    const source = `${LANDSCAPE_SOURCE} (${path.posix.join('stacks', f)})`;
    const decisionId = `decision:stack-${s.id}-${(s.version ?? '').replace(/[^a-z0-9.-]/gi, '-').toLowerCase()}`;
    nodes.push({
      label: 'Stack',
      id,
      origin: file,
      props: clean({ id, name: s.name.de, nameEn: s.name.en, description: s.description?.de, descriptionEn: s.description?.en, issuer: s.issuer, country: s.country, version: s.version, publishedAt: s.publishedAt, source, evidence: 'sourced' }),
    });
    (s.items ?? []).forEach((raw, i) => {
      const it = raw as { itemId?: string; status?: string; role?: string; rationale?: { de?: string; en?: string } };
      const entry = `stack "${s.id}" items[${i}]`;
      if (!it.itemId) issues.push({ file, entry, field: 'itemId', message: 'is required' });
      else if (!itemIds.has(it.itemId)) issues.push({ file, entry, field: 'itemId', message: `"${it.itemId}" is no item of items/` });
      else {
        const item = itemById.get(it.itemId);
        const lifecycle = stageOf(id, it.status, item?.maturity);
        const dates = id === MATURITY_STACK && item ? projectDates.get(normalizeName(item.name)) : undefined;
        // projects.csv dates are the item's own history (e.g. when a standard was published), not the
        // stack's: they are kept as maturityDate, never as the stage's since (issue 22: "RSA adopt since 1977").
        const maturityDate = dates && item?.maturity ? dates[MATURITY_DATE_COLUMN[item.maturity] ?? ''] : undefined;
        edge('INCLUDES', id, it.itemId, `${file}: ${entry}`, source, clean({
          status: it.status,
          role: it.role,
          rationale: it.rationale?.de,
          rationaleEn: it.rationale?.en,
          stage: lifecycle?.stage,
          stageBasis: lifecycle ? `${lifecycle.basis} (${STAGE_TABLE_NOTE})` : undefined,
          maturityDate: maturityDate || undefined,
          listedIn: s.version ? `${s.version}${s.publishedAt ? ` (${s.publishedAt})` : ''}` : undefined,
        }));
      }
    });
    if (s.version) {
      // The published stack definition is the decision the data set records: issuer, date, version.
      // It is linked to its stack (SCOPED_TO); the items it lists are the stack's INCLUDES.
      const body = ISSUER_ORGS[s.issuer ?? ''];
      nodes.push({
        label: 'Decision',
        id: decisionId,
        origin: file,
        props: clean({
          id: decisionId,
          name: `${s.name.de} ${s.version}${s.publishedAt ? ` (${s.publishedAt})` : ''}`,
          outcome: 'included',
          date: s.publishedAt,
          reference: `stack definition ${s.version}`,
          rationale: `The published definition of the ${s.name.de} (version ${s.version}) lists ${(s.items ?? []).length} items with their status and role.`,
          bodyName: s.issuer,
          body,
          stack: id,
          source,
          evidence: 'sourced',
        }),
      });
      edge('SCOPED_TO', decisionId, id, file, source);
      if (body) stackDecisionBodies.push({ decision: decisionId, body, file, source });
    }
  }
  for (const d of stackDecisionBodies) edge('DECIDED_BY', d.decision, d.body, d.file, d.source);
  return { nodes, edges, issues };
}

/** The organisations of the graph that issued a stack definition, by the data set's `issuer` text. */
const ISSUER_ORGS: Readonly<Record<string, string>> = {
  'Bundesministeriums für Digitales und Staatsmodernisierung (BMDS)': 'org:bmds',
  ZenDiS: 'org:zendis',
  'Open Source Business Alliance (OSBA)': 'org:osba',
};

/** Which projects.csv column dates the maturity an item has reached. */
const MATURITY_DATE_COLUMN: Readonly<Record<string, string>> = { sandbox: 'sandbox_date', incubation: 'incubating_date', graduated: 'graduated_date' };

const STAGE_TABLE_NOTE = 'stage table of src/model/lifecycle.ts';

/** projects.csv: the dates of each project's maturity steps, by lower-case name. */
function readProjectDates(dir: string): Map<string, Record<string, string>> {
  const full = path.join(dir, 'projects.csv');
  const out = new Map<string, Record<string, string>>();
  if (!fs.existsSync(full)) return out;
  const rows = parse(fs.readFileSync(full, 'utf8'), { columns: true, skip_empty_lines: true, bom: true, relax_column_count: true }) as Record<string, string>[];
  for (const r of rows) if (r.project_name) out.set(normalizeName(r.project_name), r);
  return out;
}

/** items.csv (CNCF landscape format): the official Landkarte categories and subcategories. */
function readLandkarte(
  dir: string,
  rel: (p: string) => string,
  itemIdByName: ReadonlyMap<string, string>,
  nodes: GraphNode[],
  edges: GraphEdge[],
  issues: SeedIssue[],
): void {
  const full = path.join(dir, 'items.csv');
  if (!fs.existsSync(full)) return;
  const file = rel('items.csv');
  const source = `${LANDSCAPE_SOURCE} (items.csv)`;
  const rows = parse(fs.readFileSync(full, 'utf8'), { columns: true, skip_empty_lines: true, bom: true, relax_column_count: true }) as Record<string, string>[];
  const layers = new Map<string, { name: string; parent?: string }>();
  rows.forEach((r, i) => {
    const entry = `row ${i + 2} ("${r.name ?? ''}")`;
    const category = (r.category ?? '').trim();
    const subcategory = (r.subcategory ?? '').trim();
    if (!r.name) return issues.push({ file, entry, field: 'name', message: 'is required' });
    if (!category || !subcategory) return issues.push({ file, entry, field: category ? 'subcategory' : 'category', message: 'is required' });
    const catId = `layer:landkarte:${slug(category)}`;
    const subId = `layer:landkarte:${slug(category)}/${slug(subcategory)}`;
    layers.set(catId, { name: category });
    layers.set(subId, { name: subcategory, parent: catId });
    const itemId = itemIdByName.get(normalizeName(r.name));
    // Rows whose name matches no item of items/ keep their category only in the CSV.
    if (itemId) edges.push({ type: 'IN_LAYER', from: itemId, to: subId, origin: `${file}: ${entry}`, props: { source, evidence: 'sourced' } });
  });
  for (const [id, l] of layers) {
    nodes.push({ label: 'Layer', id, origin: file, props: { id, name: l.name, scheme: 'dstack-landkarte', source, evidence: 'sourced' } });
    if (l.parent) edges.push({ type: 'PART_OF', from: id, to: l.parent, origin: file, props: { source, evidence: 'sourced' } });
  }
}

function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

