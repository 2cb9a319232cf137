import type { Model, RelTypeSpec } from './Model';
import { ENUMS } from './enums';
import { LABELS, type NodeLabel } from './labels';
import { RELATIONSHIPS, type RelType } from './relationships';

/** The graph model of this API: every derivation reads this value (or, in tests, a changed copy). */
export const MODEL: Model = { labels: LABELS, relationships: RELATIONSHIPS, enums: ENUMS };

/** A relationship type, which labels it may connect, and which extra fields it must carry (the loader's view). */
export interface RelRule {
  readonly from: readonly NodeLabel[] | 'any';
  readonly to: readonly NodeLabel[] | 'any';
  readonly required?: readonly string[];
  readonly enums?: Readonly<Record<string, readonly string[]>>;
  readonly sameLabel?: boolean;
}

/** The allowed values of a property: its enum's (or the subset `only`), or its `values`. */
export function allowedValues(model: Model, prop: RelTypeSpec['properties'][string]): readonly string[] | undefined {
  if (prop.enum) return prop.only ?? model.enums[prop.enum]?.values;
  return prop.values;
}

/** The relationship rules in the loader's shape, derived from a model. */
export function relRules(model: Model): Record<string, RelRule> {
  const out: Record<string, RelRule> = {};
  for (const [type, spec] of Object.entries(model.relationships)) {
    const props = Object.entries(spec.properties);
    const enums = Object.fromEntries(props.flatMap(([k, p]) => (allowedValues(model, p) ? [[k, allowedValues(model, p) as readonly string[]]] : [])));
    out[type] = {
      from: spec.from as RelRule['from'],
      to: spec.to as RelRule['to'],
      required: props.filter(([, p]) => p.required).map(([k]) => k),
      enums,
      ...(spec.sameLabel ? { sameLabel: true } : {}),
    };
  }
  return out;
}

/** The relationship types of the model (see seeds/README.md), as the loader checks them. */
export const REL_RULES = relRules(MODEL) as Readonly<Record<RelType, RelRule>>;

/**
 * Relationships the loader derives from others (the six criteria assessments of every item): a
 * neighbourhood leaves them out unless asked for by type, since they tie every item to the same six
 * criteria; a profile shows them item by item.
 */
export const DERIVED_REL_TYPES: readonly RelType[] = (Object.keys(RELATIONSHIPS) as RelType[]).filter((t) => (RELATIONSHIPS[t] as RelTypeSpec).derived);
