import type { Resolvers } from './generated/graphql';
import type { AboutRecord } from './system/records';
import { boundLists } from './limits/boundLists';
import { PROFILE_LIST_BOUNDS } from './profiles/bounds';
import { graphResolvers } from './graph/resolvers';
import { impactResolvers } from './impact/resolvers';
import { profileResolvers } from './profiles/resolvers';
import { provenanceResolvers } from './provenance/resolvers';
import { systemResolvers } from './system/resolvers';
import { whatIfResolvers } from './whatif/resolvers';

/** Merges the resolver maps of all domains; a field defined twice is a programming error. */
export function mergeResolvers(...maps: Resolvers[]): Resolvers {
  const out: Record<string, Record<string, unknown>> = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      const target = (out[type] ??= {});
      for (const [field, fn] of Object.entries(fields as Record<string, unknown>)) {
        if (field in target) throw new Error(`resolver ${type}.${field} is defined twice`);
        target[field] = fn;
      }
    }
  }
  return out as Resolvers;
}

/** All resolvers of the API. */
export function createResolvers(about: AboutRecord): Resolvers {
  return mergeResolvers(systemResolvers(about), graphResolvers(), impactResolvers(), provenanceResolvers(), boundLists(profileResolvers(), PROFILE_LIST_BOUNDS), whatIfResolvers());
}
