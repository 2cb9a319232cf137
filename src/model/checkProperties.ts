import type { Model, PropertySpec } from './Model';
import { COMMON_LINK_DATES, COMMON_LINK_PROPERTIES } from './common';
import { allowedValues } from './graphModel';

/** A problem with one field of an entry: the field's name and what is wrong. */
export interface PropertyProblem {
  readonly field: string;
  readonly message: string;
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const missing = (v: unknown): boolean => v === undefined || v === null || v === '';

/** What is wrong with one value of a declared property, or null. */
function checkValue(model: Model, p: PropertySpec, v: unknown): string | null {
  switch (p.type) {
    case 'Int':
      if (typeof v !== 'number' || !Number.isInteger(v)) return `must be a whole number, got ${JSON.stringify(v)}`;
      break;
    case 'Float':
      if (typeof v !== 'number' || !Number.isFinite(v)) return `must be a number, got ${JSON.stringify(v)}`;
      break;
    case 'Boolean':
      if (typeof v !== 'boolean') return `must be true or false, got ${JSON.stringify(v)}`;
      break;
    case '[String!]':
      if (!Array.isArray(v)) return `must be a list, got ${JSON.stringify(v)}`;
      break;
    default:
      if (typeof v !== 'string') return `must be text, got ${JSON.stringify(v)}`;
  }
  const allowed = allowedValues(model, p);
  if (allowed && !allowed.includes(String(v))) return `must be one of ${allowed.join(', ')}, got "${String(v)}"`;
  if (p.format === 'date' && !DATE.test(String(v))) return `must be YYYY, YYYY-MM or YYYY-MM-DD, got "${String(v)}"`;
  return null;
}

function checkDeclared(model: Model, declared: Readonly<Record<string, PropertySpec>>, props: Readonly<Record<string, unknown>>, requiredFor: string): PropertyProblem[] {
  const problems: PropertyProblem[] = [];
  for (const [field, p] of Object.entries(declared)) {
    const v = props[field];
    if (missing(v)) {
      if (p.required) problems.push({ field, message: `is required${requiredFor}` });
      continue;
    }
    const message = checkValue(model, p, v);
    if (message) problems.push({ field, message });
  }
  return problems;
}

/**
 * The one check of a node's properties against the model, for every writer (the seed loader, and
 * proposals later): required fields, types, allowed values, dates. Properties the model does not
 * declare pass (data sets carry more than the API shows); the caller checks id, name and source.
 */
export function checkNodeProperties(model: Model, label: string, props: Readonly<Record<string, unknown>>): PropertyProblem[] {
  const spec = model.labels[label];
  if (!spec) return [{ field: 'label', message: `must be one of ${Object.keys(model.labels).join(', ')}, got "${label}"` }];
  return checkDeclared(model, spec.fields, props, '');
}

/**
 * The one check of a relationship's properties against the model: its type, required properties,
 * types, allowed values and dates, and no property the type does not declare (a typo such as
 * `gudiance` would otherwise be stored and never shown).
 */
export function checkRelationshipProperties(model: Model, type: string, props: Readonly<Record<string, unknown>>): PropertyProblem[] {
  const spec = model.relationships[type];
  if (!spec) return [{ field: 'type', message: `must be one of ${Object.keys(model.relationships).join(', ')}, got "${type}"` }];
  const problems = checkDeclared(model, spec.properties, props, ` for ${type}`);
  const known = new Set<string>([...COMMON_LINK_PROPERTIES, ...Object.keys(spec.properties)]);
  for (const field of COMMON_LINK_DATES) {
    const v = props[field];
    if (!missing(v) && !DATE.test(String(v))) problems.push({ field, message: `must be YYYY, YYYY-MM or YYYY-MM-DD, got "${String(v)}"` });
  }
  if (!missing(props.validFrom) && !missing(props.validUntil) && String(props.validFrom) > String(props.validUntil)) problems.push({ field: 'validUntil', message: `"${String(props.validUntil)}" is before validFrom "${String(props.validFrom)}"` });
  for (const field of Object.keys(props)) {
    if (!known.has(field)) {
      const own = Object.keys(spec.properties);
      problems.push({ field, message: `is not a property of ${type}; ${own.length > 0 ? `it has ${own.join(', ')}` : 'it has none of its own'} (besides ${COMMON_LINK_PROPERTIES.join(', ')})` });
    }
  }
  return problems;
}
