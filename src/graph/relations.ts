import { MODEL } from '../model';
import { relationFields, type RelationField } from '../model/relationFields';

export type { RelationField } from '../model/relationFields';

/** Every relationship field of every node type, derived from the model (src/model/relationships.ts). */
export const RELATION_FIELDS: Readonly<Record<string, Readonly<Record<string, RelationField>>>> = relationFields(MODEL);
