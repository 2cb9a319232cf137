/** Levels of organisations. */
export const ORGANIZATION_LEVELS = ['Bund', 'Land', 'Kommune', 'EU', 'international', 'company', 'cooperative'] as const;

/** Values of `evidence`. */
export const EVIDENCE = ['sourced', 'inferred'] as const;
