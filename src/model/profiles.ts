/** How a component can be run. */
export const OPERATING_MODELS = ['self-hosted', 'public-it-provider', 'commercial-saas', 'central-service'] as const;
export type OperatingModel = (typeof OPERATING_MODELS)[number];

/** Where an authority obtains an item. */
export const OBTAIN_CHANNELS = ['fit-store', 'dvc-portal', 'efa-marketplace', 'opencode', 'vendor', 'public-repository', 'framework-contract', 'connection-request'] as const;
export type ObtainChannel = (typeof OBTAIN_CHANNELS)[number];

/** Published security attestations. */
export const ATTESTATION_SCHEMES = ['bsi-c5', 'it-grundschutz', 'iso-27001', 'iso-27001-on-it-grundschutz', 'bsi-tr', 'common-criteria'] as const;

/** Conformance stated in an accessibility statement. */
export const ACCESSIBILITY_CONFORMANCE = ['full', 'partial', 'none'] as const;

/**
 * Kinds of standards: made binding by a law or a binding decision (`de-jure`), a consortium's or
 * standards organisation's specification without legal force (`consortium`), a data or semantic
 * standard (`semantic`), a functional or architectural specification (`functional`).
 */
export const STANDARD_KINDS = ['de-jure', 'consortium', 'semantic', 'functional'] as const;

/** Whom a binding standard binds. */
export const BINDING_SCOPES = ['Bund', 'Land', 'Kommune', 'EU', 'all'] as const;

/** Outcomes of a decision about an item. */
export const DECISION_OUTCOMES = ['included', 'rejected', 'mandated', 'recommended', 'deferred', 'withdrawn'] as const;

/** Member states of the European Union (ISO 3166-1 alpha-2), for a steward's jurisdiction. */
export const EU_COUNTRIES: ReadonlySet<string> = new Set([
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
]);

/** Country codes of organisations: ISO 3166-1 alpha-2, or EU for EU bodies. */
export const COUNTRY_CODE = /^[A-Z]{2}$/;

/** Whether a seat country is inside the EU (`EU` for the Union's own bodies). */
export function inEu(country: string): boolean {
  return country === 'EU' || EU_COUNTRIES.has(country);
}

/** What kind of organisation stewards an item: a vendor, a body (standards body, foundation, community), or a public body. */
export type StewardType = 'vendor' | 'body' | 'public-body';

/** Organisation kinds that are bodies rather than vendors, whatever their level. */
const BODY_KINDS = new Set(['foundation', 'standards-body', 'community', 'consortium', 'non-profit', 'association', 'un-agency', 'body']);

/**
 * The steward type of an organisation from its level and kind: a public body (Bund, Land, Kommune,
 * EU), a body (a standards body, foundation, community or consortium, or level international), else a
 * vendor (a company or cooperative). "Steward outside the EU" is a risk of vendors only: a standards
 * body's or foundation's seat does not put an open specification or project under a vendor's control.
 */
export function stewardTypeOf(level: unknown, kind: unknown): StewardType {
  if (level === 'Bund' || level === 'Land' || level === 'Kommune' || level === 'EU') return 'public-body';
  if (typeof kind === 'string' && BODY_KINDS.has(kind)) return 'body';
  if (level === 'international') return 'body';
  return 'vendor';
}
