import type { Resolvers } from './generated/graphql';
import type { AboutRecord } from './system/records';
import { boundLists } from './limits/boundLists';
import { PROFILE_LIST_BOUNDS } from './profiles/bounds';
import { graphResolvers } from './graph/resolvers';
import { impactResolvers } from './impact/resolvers';
import { exploreResolvers } from './explore/resolvers';
import { complianceResolvers } from './compliance/resolvers';
import { stackResolvers } from './stacks/resolvers';
import { profileResolvers } from './profiles/resolvers';
import { provenanceResolvers } from './provenance/resolvers';
import { systemResolvers } from './system/resolvers';
import { whatIfResolvers } from './whatif/resolvers';
import { curationResolvers } from './curation/resolvers';
import { CURATION_LIST_BOUNDS } from './curation/bounds';
import { PARTICIPATION_LIST_BOUNDS } from './participation/bounds';
import { participationResolvers } from './participation/resolvers';
import type { WriteAccessRecord } from './curation/proposalRecord';

/** Merges the resolver maps of all domains; a field defined twice is a programming error. */
export function mergeResolvers(...maps: Resolvers[]): Resolvers {
  const out: Resolvers = {};
  for (const map of maps) {
    for (const type of Object.keys(map)) if (isTypeName(map, type)) mergeType(out, type, map[type]);
  }
  return out;
}

/** Whether `key` is a type `map` has resolvers for (Object.keys gives a Resolvers' own keys as plain strings). */
const isTypeName = (map: Resolvers, key: string): key is keyof Resolvers => Object.hasOwn(map, key);

/** Adds the field resolvers of one type to `out`; the type's resolvers keep their generated type. */
function mergeType<K extends keyof Resolvers>(out: Resolvers, type: K, fields: Resolvers[K]): void {
  if (!fields) return;
  const target = out[type];
  if (target) {
    for (const field of Object.keys(fields)) if (field in target) throw new Error(`resolver ${type}.${field} is defined twice`);
  }
  out[type] = { ...target, ...fields };
}

/** `about { writes }` of a server without sign-in. */
export const READ_ONLY: WriteAccessRecord = Object.freeze({ enabled: false, issuer: null, audience: null, readAccess: 'public', writesPerMinute: 0, maxOperations: 0 });

/** All resolvers of the API. */
export function createResolvers(about: AboutRecord, access: WriteAccessRecord = READ_ONLY): Resolvers {
  return mergeResolvers(systemResolvers(about), boundLists(curationResolvers(access), CURATION_LIST_BOUNDS), boundLists(participationResolvers(), PARTICIPATION_LIST_BOUNDS), graphResolvers(), impactResolvers(), exploreResolvers(), complianceResolvers(), stackResolvers(), provenanceResolvers(), boundLists(profileResolvers(), PROFILE_LIST_BOUNDS), whatIfResolvers());
}
