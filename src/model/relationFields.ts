import type { Model } from './Model';

/** How a relationship field of a node type is read: along which type, which way, to which label. */
export interface RelationField {
  readonly rel: string;
  readonly dir: 'out' | 'in' | 'both';
  /** Only nodes of this label; `null` for any. */
  readonly label: string | null;
  /** The GraphQL link type the field returns (see linkTypeName). */
  readonly linkType: string;
}

/** `DEPENDS_ON` as `DependsOn`. */
export function pascal(relType: string): string {
  return relType
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/** The interface of every link of a relationship type, with its own properties: `DependsOnLink`. */
export function linkInterfaceName(relType: string): string {
  return `${pascal(relType)}Link`;
}

/** The link type of a relationship type read towards one label (or any): `DependsOnComponentLink`, `ConcernsNodeLink`. */
export function linkTypeName(relType: string, other: string | null): string {
  return `${pascal(relType)}${other ?? 'Node'}Link`;
}

/** Every relationship field of every node type: the relation table the engine and the resolvers read. */
export function relationFields(model: Model): Record<string, Record<string, RelationField>> {
  const out: Record<string, Record<string, RelationField>> = Object.fromEntries(Object.keys(model.labels).map((l) => [l, {}]));
  for (const [rel, spec] of Object.entries(model.relationships)) {
    for (const f of spec.fields) {
      const fields = out[f.on];
      if (!fields) throw new Error(`relationship ${rel}: field ${f.field} is on unknown label ${f.on}`);
      if (fields[f.field]) throw new Error(`${f.on}.${f.field} is declared twice (${fields[f.field]?.rel} and ${rel})`);
      // The field's ends must be ends the type allows: `on` at its end, `other` (or any) at the far end.
      const allows = (set: readonly string[] | 'any', l: string | null): boolean => set === 'any' || l === null || set.includes(l);
      const [near, far] = f.dir === 'in' ? [spec.to, spec.from] : [spec.from, spec.to];
      const ok = f.dir === 'both' ? [spec.from, spec.to].every((s) => allows(s, f.on) && allows(s, f.other)) : allows(near, f.on) && allows(far, f.other);
      if (!ok) throw new Error(`${f.on}.${f.field} reads ${rel} ${f.dir === 'in' ? 'from' : 'to'} ${f.other ?? 'any label'}, which ${rel} does not connect`);
      fields[f.field] = { rel, dir: f.dir, label: f.other, linkType: linkTypeName(rel, f.other) };
    }
  }
  return out;
}

/** The concrete link types the fields return, each with its relationship type and the label of `node`. */
export function linkTypes(model: Model): { name: string; rel: string; other: string | null }[] {
  const seen = new Map<string, { name: string; rel: string; other: string | null }>();
  for (const [rel, spec] of Object.entries(model.relationships)) {
    for (const f of spec.fields) {
      const name = linkTypeName(rel, f.other);
      if (!seen.has(name)) seen.set(name, { name, rel, other: f.other });
    }
  }
  return [...seen.values()];
}
