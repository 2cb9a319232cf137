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
