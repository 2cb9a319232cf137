import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import YAML from 'yaml';

/**
 * The node and relationship counts the loader must produce, computed straight from the source files
 * (CSV rows, JSON files, YAML entries), independently of the importer code.
 */
export function expectedCounts(ozgDir: string, landscapeDir: string, seedsDir: string): { nodes: Record<string, number>; relationships: Record<string, number> } {
  const csv = (file: string): Record<string, string>[] => parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, bom: true, relax_column_count: true });
  const json = (dir: string): any[] =>
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
  const nodes: Record<string, number> = {};
  const rels: Record<string, number> = {};
  const add = (o: Record<string, number>, k: string, n: number): void => {
    o[k] = (o[k] ?? 0) + n;
  };

  // OZG catalogue.
  const lebenslagen = csv(path.join(ozgDir, 'lebenslagen.csv'));
  const ozg = csv(path.join(ozgDir, 'ozg_leistungen.csv'));
  const leika = csv(path.join(ozgDir, 'leika_leistungen.csv'));
  const kommunen = csv(path.join(ozgDir, 'kommunen_nrw.csv'));
  const itdl = csv(path.join(ozgDir, 'it_dienstleister_nrw.csv'));
  add(nodes, 'Topic', csv(path.join(ozgDir, 'themenfelder.csv')).length);
  add(nodes, 'LifeSituation', lebenslagen.length);
  add(nodes, 'OzgService', ozg.length);
  add(nodes, 'Service', leika.length);
  add(nodes, 'Organization', kommunen.length + itdl.length);
  add(rels, 'PART_OF', lebenslagen.length + ozg.length + leika.filter((r) => r.ozg_leistung_id).length + kommunen.length + itdl.length);

  // Landscape.
  const classification = new Set<string>(
    ((YAML.parse(fs.readFileSync(path.join(seedsDir, 'landscape-classification.yaml'), 'utf8')) as { landscapeStandards: { id: string }[] }).landscapeStandards ?? []).map((e) => e.id),
  );
  const items = json(path.join(landscapeDir, 'items'));
  const itemIds = new Set(items.map((i) => i.id as string));
  add(nodes, 'Standard', items.filter((i) => classification.has(i.id)).length);
  add(nodes, 'Component', items.filter((i) => !classification.has(i.id)).length);
  const sublayers = new Set(items.map((i) => `${i.layer}/${i.sublayer}`));
  const landkarte = csv(path.join(landscapeDir, 'items.csv'));
  const categories = new Set(landkarte.map((r) => r.category!.trim()));
  const subcategories = new Set(landkarte.map((r) => `${r.category!.trim()}/${r.subcategory!.trim()}`));
  add(nodes, 'Layer', json(path.join(landscapeDir, 'layers')).length + sublayers.size + categories.size + subcategories.size);
  add(rels, 'PART_OF', sublayers.size + subcategories.size);
  add(rels, 'IN_LAYER', items.length + landkarte.length);
  const criteria = new Set<string>();
  for (const i of items) {
    for (const [k, v] of Object.entries(i.sovereigntyCriteria ?? {})) {
      if (k === 'ownerType') continue;
      criteria.add(k);
      if (v === true) add(rels, 'MEETS', 1);
    }
    for (const d of i.dependencies ?? []) add(rels, classification.has(d.targetItemId) ? 'IMPLEMENTS' : 'DEPENDS_ON', 1);
  }
  add(nodes, 'Criterion', criteria.size);
  const stacks = json(path.join(landscapeDir, 'stacks'));
  add(nodes, 'Stack', stacks.length);
  add(rels, 'INCLUDES', stacks.reduce((s, st) => s + (st.items?.length ?? 0), 0));
  // A versioned stack definition is recorded as one decision with its stack and, for the issuers the
  // graph knows, the deciding body (its items are the stack's INCLUDES).
  const versioned = stacks.filter((st) => st.version);
  add(nodes, 'Decision', versioned.length);
  add(rels, 'SCOPED_TO', versioned.length);
  add(rels, 'DECIDED_BY', versioned.filter((st) => ['Bundesministeriums für Digitales und Staatsmodernisierung (BMDS)', 'ZenDiS', 'Open Source Business Alliance (OSBA)'].includes(st.issuer)).length);

  // Seed files.
  const labelBySection: Record<string, string> = {
    organizations: 'Organization',
    components: 'Component',
    standards: 'Standard',
    layers: 'Layer',
    integrationPoints: 'IntegrationPoint',
    buildingBlocks: 'BuildingBlock',
    stacks: 'Stack',
    requirements: 'Requirement',
    exceptions: 'Exception',
    kpis: 'Kpi',
    referencePatterns: 'ReferencePattern',
    milestones: 'Milestone',
    criteria: 'Criterion',
    events: 'Event',
  };
  const linksDir = path.join(seedsDir, 'links');
  const profilesDir = path.join(seedsDir, 'profiles');
  const yamlIn = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((x) => x.endsWith('.yaml')).map((f) => path.join(dir, f)) : []);
  const seedFiles = [...yamlIn(seedsDir), ...yamlIn(linksDir), ...yamlIn(profilesDir)];
  const stated = new Set<string>();
  // The same steward named in two files is one relationship.
  const profileLinks = new Set<string>();
  for (const file of seedFiles) {
    const doc = (YAML.parse(fs.readFileSync(file, 'utf8')) ?? {}) as Record<string, any[]>;
    for (const r of doc.relationships ?? []) stated.add(`${r.type}|${r.from}|${r.to}`);
    for (const [section, label] of Object.entries(labelBySection)) {
      // A seed entry with the id of a landscape item enriches that item instead of adding a node.
      const entries = (doc[section] ?? []).filter((e) => !((section === 'components' || section === 'standards') && itemIds.has(e.id)));
      add(nodes, label, entries.length);
    }
    // An event's `item` is its first AFFECTS link.
    add(rels, 'AFFECTS', (doc.events ?? []).length);
    for (const e of doc.exceptions ?? []) {
      add(rels, 'DEVIATES_FROM', 1);
      add(rels, 'GRANTED_FOR', 1);
      void e;
    }
    for (const r of doc.relationships ?? []) add(rels, r.type, 1);
    // Profiles: a steward and a successor are one relationship each; a decision is a node with its
    // item, body, optional stack and the criteria it rates.
    for (const p of doc.profiles ?? []) {
      if (p.steward) profileLinks.add(`STEWARDS|${p.steward.org}|${p.item}`);
      if (p.successor) profileLinks.add(`SUCCEEDED_BY|${p.item}|${p.successor.item}`);
    }
    for (const d of doc.decisions ?? []) {
      add(nodes, 'Decision', 1);
      add(rels, 'DECIDES', 1);
      add(rels, 'DECIDED_BY', 1);
      if (d.stack) add(rels, 'SCOPED_TO', 1);
      add(rels, 'RATES', (d.criteria ?? []).length);
    }
  }
  for (const k of profileLinks) add(rels, k.split('|')[0] as string, 1);
  // Every component and standard is assessed against each of the six D-Stack criteria.
  add(rels, 'ASSESSED', 6 * ((nodes.Component ?? 0) + (nodes.Standard ?? 0)));

  // Rules: every catalogue service (with a LeiKa key when the rule asks for one) to each target id,
  // unless a file states that link already.
  const rulesFile = path.join(seedsDir, 'rules.yaml');
  const rules = fs.existsSync(rulesFile) ? ((YAML.parse(fs.readFileSync(rulesFile, 'utf8')) as { rules?: any[] }).rules ?? []) : [];
  const serviceIds = leika.map((r) => (/^\d{14}$/.test(r.leika_schluessel ?? '') ? { id: `leika:${r.leika_schluessel}`, key: true } : { id: `leika-nrw:${r.id}`, key: false }));
  const made = new Set<string>();
  for (const rule of rules) {
    const from = rule.from as { label: string; exists?: string[]; where?: unknown; has?: unknown; ids?: unknown };
    if (from.label !== 'Service' || from.where || from.has || from.ids || (from.exists ?? []).some((p: string) => p !== 'leikaKey') || !Array.isArray(rule.to.ids)) {
      throw new Error(`expectedCounts does not know the selectors of ${rule.id}; teach it`);
    }
    for (const s of serviceIds) {
      if (from.exists?.includes('leikaKey') && !s.key) continue;
      for (const to of rule.to.ids as string[]) {
        const k = `${rule.type}|${s.id}|${to}`;
        if (stated.has(k) || made.has(k)) continue;
        made.add(k);
        add(rels, rule.type, 1);
      }
    }
  }
  const nonZero = (o: Record<string, number>): Record<string, number> => Object.fromEntries(Object.entries(o).filter(([, v]) => v > 0).sort(([a], [b]) => a.localeCompare(b)));
  return { nodes: nonZero(nodes), relationships: nonZero(rels) };
}
