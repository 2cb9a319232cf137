import type { Model } from './Model';
import type { PropertyProblem } from './checkProperties';
import { relRules } from './graphModel';

/** One end of a relationship as a check sees it: its id, and its label when the node exists. */
export interface LinkEnd {
  readonly id: string;
  readonly label: string | null;
}

const CATALOGUE_CHAIN = new Set(['Service>OzgService', 'OzgService>LifeSituation', 'LifeSituation>Topic']);

/**
 * The one check of a relationship's type and ends against the model, for every writer (the seed
 * loader's assemble and proposals): the type exists, both ends exist and have labels the type
 * allows, PART_OF joins nodes of one label (or the catalogue chain), and no node points to itself.
 */
export function checkLinkEnds(model: Model, type: string, from: LinkEnd, to: LinkEnd): PropertyProblem[] {
  const rule = relRules(model)[type];
  if (!rule) return [{ field: 'type', message: `must be one of ${Object.keys(model.relationships).join(', ')}, got "${type}"` }];
  const problems: PropertyProblem[] = [];
  if (from.label === null) problems.push({ field: 'from', message: `"${from.id}" is no known id` });
  else if (rule.from !== 'any' && !(rule.from as readonly string[]).includes(from.label)) problems.push({ field: 'from', message: `"${from.id}" is a ${from.label}; ${type} starts at ${rule.from.join(' or ')}` });
  if (to.label === null) problems.push({ field: 'to', message: `"${to.id}" is no known id` });
  else if (rule.to !== 'any' && !(rule.to as readonly string[]).includes(to.label)) problems.push({ field: 'to', message: `"${to.id}" is a ${to.label}; ${type} ends at ${rule.to.join(' or ')}` });
  if (problems.length > 0) return problems;
  if (type === 'PART_OF' && from.label !== to.label && !CATALOGUE_CHAIN.has(`${from.label}>${to.label}`)) {
    return [{ field: 'to', message: `PART_OF joins nodes of one label (or the catalogue chain), got ${from.label} -> ${to.label}` }];
  }
  if (from.id === to.id) return [{ field: 'to', message: `"${to.id}" points to itself` }];
  return [];
}
