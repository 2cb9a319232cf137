/** Levels of organisations. */
export const ORGANIZATION_LEVELS = ['Bund', 'Land', 'Kommune', 'EU', 'international', 'company', 'cooperative'] as const;

/**
 * Values of `evidence`, surest first: `sourced` (a primary source states it: a law, an official body,
 * a standards body, the operator, the vendor about its own product, a published data set),
 * `secondary` (only press or secondary sources state it: the loader sets it), `reported` (the
 * organisation concerned states it about itself, through an accepted proposal), `inferred` (our
 * conclusion, e.g. by a cited rule).
 */
export const EVIDENCE = ['sourced', 'secondary', 'reported', 'inferred'] as const;

/** What seed files may state: reported facts come only through accepted proposals (src/curation). */
export const SEED_EVIDENCE = ['sourced', 'inferred'] as const;

/** Kinds of dated events about an item (licence and price-model changes, ends of life or sale, acquisitions). */
export const EVENT_KINDS = ['licence-change', 'price-model-change', 'end-of-life', 'end-of-sale', 'acquisition'] as const;

/** Kinds of components. */
export const COMPONENT_KINDS = ['basisdienst', 'product', 'platform', 'register', 'online-service', 'infrastructure', 'physical-infrastructure', 'technology'] as const;

/** Families (maintainers' families) of standards. */
export const STANDARD_FAMILIES = ['XÖV', 'IETF', 'W3C', 'ISO', 'IEEE', 'NIST', 'ECMA', 'BSI', 'EU', 'OASIS', 'OpenID', 'ETSI', 'MEF', 'KoSIT', 'other'] as const;

/** Kinds of DVC integration points. */
export const INTEGRATION_POINT_KINDS = ['dvc-area', 'marketplace', 'platform', 'network', 'repository'] as const;

/** Frameworks of building blocks. */
export const BUILDING_BLOCK_FRAMEWORKS = ['GovStack', 'EIRA', 'EuroStack'] as const;

/** Levels and rule kinds of requirements. */
export const REQUIREMENT_LEVELS = ['MUSS', 'SOLL'] as const;
export const REQUIREMENT_RULES = ['must-use', 'must-meet', 'must-not'] as const;

/** Whether a layer of a published scheme is confirmed by its source. */
export const LAYER_STATUSES = ['confirmed', 'unconfirmed'] as const;

/** Adoption states of an organisation's ADOPTS. */
export const ADOPTION_STATUSES = ['planned', 'piloting', 'in-use', 'retired'] as const;
