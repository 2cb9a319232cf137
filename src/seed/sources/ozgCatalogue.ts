import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { GraphEdge, GraphNode, GraphPart, SeedIssue } from '../graph';

/** The organisation the NRW Kommunen and IT providers belong to (defined in seeds/organizations.yaml). */
export const NRW_ORG_ID = 'org:land-nordrhein-westfalen';

/** Provenance of the catalogue, as stated in its data set README. */
/** The registry id of the catalogue (seeds/sources.yaml); citations add file and row as locator. */
export const OZG_SOURCE = 'ozg-datenbank-nrw';

/** The files of the catalogue and the columns each must have. */
export const OZG_FILES = {
  topics: { file: 'themenfelder.csv', columns: ['id', 'name'] },
  lifeSituations: { file: 'lebenslagen.csv', columns: ['id', 'themenfeld_id', 'name'] },
  ozgServices: { file: 'ozg_leistungen.csv', columns: ['id', 'ozg_id', 'name', 'lebenslage_id', 'prioritaet'] },
  services: { file: 'leika_leistungen.csv', columns: ['id', 'leika_schluessel', 'name', 'leika_typ', 'ozg_leistung_id', 'rechtsgrundlage_kurz'] },
  municipalities: { file: 'kommunen_nrw.csv', columns: ['id', 'name', 'url'] },
  itProviders: { file: 'it_dienstleister_nrw.csv', columns: ['id', 'name', 'ort', 'url'] },
} as const;

/** True when `dir` looks like a copy of the OZG catalogue. */
export function isOzgCatalogue(dir: string): boolean {
  return fs.existsSync(path.join(dir, OZG_FILES.services.file)) && fs.existsSync(path.join(dir, OZG_FILES.topics.file));
}

/** The LeiKa type codes and who executes a service of that type (LeiKa legend, domain-facts §6). */
const EXECUTING_LEVELS: Readonly<Record<string, readonly string[]>> = {
  '1': ['Bund'],
  '2': ['Land', 'Kommune'],
  '3': ['Land', 'Kommune'],
  '2/3': ['Land', 'Kommune'],
  '4': ['Land'],
  '5': ['Kommune'],
};

/** The levels that execute a service of the given (possibly combined) LeiKa type, e.g. "1, 2/3". */
export function executingLevels(leikaType: string): string[] {
  const levels = new Set<string>();
  for (const part of leikaType.split(',').map((p) => p.trim())) for (const l of EXECUTING_LEVELS[part] ?? []) levels.add(l);
  return ['Bund', 'Land', 'Kommune'].filter((l) => levels.has(l));
}

type Row = Record<string, string | undefined> & { readonly __line: string; readonly id: string; readonly name: string };

/** Reads the catalogue CSVs into topics, life situations, OZG services, LeiKa services and NRW organisations. */
export function readOzgCatalogue(dir: string, displayRoot: string = path.dirname(dir)): GraphPart {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const issues: SeedIssue[] = [];
  const read = (key: keyof typeof OZG_FILES): { rows: Row[]; file: string } => {
    const spec = OZG_FILES[key];
    const full = path.join(dir, spec.file);
    const file = path.relative(displayRoot, full);
    if (!fs.existsSync(full)) {
      issues.push({ file, entry: 'file', field: '(file)', message: 'is missing' });
      return { rows: [], file };
    }
    let records: Record<string, string>[];
    try {
      records = parse(fs.readFileSync(full, 'utf8'), { columns: true, skip_empty_lines: true, bom: true, trim: true }) as Record<string, string>[];
    } catch (e) {
      issues.push({ file, entry: 'file', field: '(csv)', message: `cannot be parsed: ${(e as Error).message}` });
      return { rows: [], file };
    }
    const header = records[0] ? Object.keys(records[0]) : [];
    for (const c of spec.columns) if (records.length > 0 && !header.includes(c)) issues.push({ file, entry: 'header', field: c, message: 'column is missing' });
    const rows: Row[] = records.map((r, i) => ({ ...r, id: r.id ?? '', name: r.name ?? '', __line: String(i + 2) }));
    const seen = new Set<string>();
    for (const r of rows) {
      if (!r.id) issues.push({ file, entry: `row ${r.__line}`, field: 'id', message: 'is required' });
      else if (seen.has(r.id)) issues.push({ file, entry: `row ${r.__line} (id ${r.id})`, field: 'id', message: 'is not unique' });
      seen.add(r.id);
      if (!r.name) issues.push({ file, entry: `row ${r.__line} (id ${r.id})`, field: 'name', message: 'is required' });
    }
    return { rows, file };
  };
  const src = (file: string, r: Row): string => `${OZG_SOURCE} (${path.basename(file)} id=${r.id})`;
  const node = (label: GraphNode['label'], id: string, file: string, r: Row, extra: GraphNode['props']): void => {
    nodes.push({ label, id, origin: `${file}: row ${r.__line} (id ${r.id})`, props: { id, name: r.name, source: src(file, r), evidence: 'sourced', ...extra } });
  };
  const partOf = (from: string, to: string, file: string, r: Row): void => {
    edges.push({ type: 'PART_OF', from, to, origin: `${file}: row ${r.__line} (id ${r.id})`, props: { source: src(file, r), evidence: 'sourced' } });
  };

  const topics = read('topics');
  for (const r of topics.rows) node('Topic', `topic:${r.id}`, topics.file, r, { catalogueId: Number(r.id) });

  const ls = read('lifeSituations');
  for (const r of ls.rows) {
    node('LifeSituation', `lifesituation:${r.id}`, ls.file, r, { catalogueId: Number(r.id) });
    if (!r.themenfeld_id) issues.push({ file: ls.file, entry: `row ${r.__line} (id ${r.id})`, field: 'themenfeld_id', message: 'is required' });
    else partOf(`lifesituation:${r.id}`, `topic:${r.themenfeld_id}`, ls.file, r);
  }

  const ozg = read('ozgServices');
  const ozgIdByRow = new Map<string, string>();
  const ozgIds = new Set<string>();
  for (const r of ozg.rows) {
    const entry = `row ${r.__line} (id ${r.id})`;
    if (!/^\d+$/.test(r.ozg_id ?? '')) {
      issues.push({ file: ozg.file, entry, field: 'ozg_id', message: `must be a number, got "${r.ozg_id ?? ''}"` });
      continue;
    }
    if (ozgIds.has(r.ozg_id!)) issues.push({ file: ozg.file, entry, field: 'ozg_id', message: `"${r.ozg_id}" is not unique` });
    ozgIds.add(r.ozg_id!);
    const id = `ozg:${r.ozg_id}`;
    ozgIdByRow.set(r.id, id);
    node('OzgService', id, ozg.file, r, { ozgId: r.ozg_id!, priority: r.prioritaet ?? '', catalogueId: Number(r.id) });
    if (!r.lebenslage_id) issues.push({ file: ozg.file, entry, field: 'lebenslage_id', message: 'is required' });
    else partOf(id, `lifesituation:${r.lebenslage_id}`, ozg.file, r);
  }

  const services = read('services');
  const keys = new Set<string>();
  for (const r of services.rows) {
    const entry = `row ${r.__line} (id ${r.id})`;
    const rawKey = r.leika_schluessel ?? '';
    let id: string;
    const props: GraphNode['props'] = { catalogueId: Number(r.id), leikaType: r.leika_typ ?? '', executingLevels: executingLevels(r.leika_typ ?? '') };
    if (/^\d{14}$/.test(rawKey)) {
      if (keys.has(rawKey)) issues.push({ file: services.file, entry, field: 'leika_schluessel', message: `"${rawKey}" is not unique` });
      keys.add(rawKey);
      id = `leika:${rawKey}`;
      props.leikaKey = rawKey;
    } else if (rawKey === 'nicht im LeiKa' || rawKey === '') {
      // No key in the LeiKa: the catalogue's own row id is the only stable identifier.
      id = `leika-nrw:${r.id}`;
      props.inLeika = false;
    } else {
      issues.push({ file: services.file, entry, field: 'leika_schluessel', message: `must be 14 digits or "nicht im LeiKa", got "${rawKey}"` });
      continue;
    }
    if (r.rechtsgrundlage_kurz) props.legalBasis = r.rechtsgrundlage_kurz;
    node('Service', id, services.file, r, props);
    if (r.ozg_leistung_id) {
      const target = ozgIdByRow.get(r.ozg_leistung_id);
      if (!target) issues.push({ file: services.file, entry, field: 'ozg_leistung_id', message: `"${r.ozg_leistung_id}" is no id of ${OZG_FILES.ozgServices.file}` });
      else partOf(id, target, services.file, r);
    }
  }

  const municipalities = read('municipalities');
  for (const r of municipalities.rows) {
    const id = `kommune-nrw:${r.id}`;
    node('Organization', id, municipalities.file, r, { level: 'Kommune', kind: 'municipality', ...(r.url ? { url: r.url } : {}) });
    partOf(id, NRW_ORG_ID, municipalities.file, r);
  }
  const providers = read('itProviders');
  for (const r of providers.rows) {
    const id = `itdl-nrw:${r.id}`;
    node('Organization', id, providers.file, r, { level: 'Kommune', kind: 'it-provider', ...(r.ort ? { city: r.ort } : {}), ...(r.url ? { url: r.url } : {}) });
    partOf(id, NRW_ORG_ID, providers.file, r);
  }
  return { nodes, edges, issues };
}
