/**
 * What a change does to what uses it: a consumer is broken when a role it needs keeps fewer
 * providers than it needs, degraded when a role loses a provider but keeps enough (or an optional
 * dependency is lost), reached when it only depends on what changed through others that keep working.
 */
export const SEVERITIES = ['broken', 'degraded', 'reached'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The rule that infers roles from alternative groups (src/seed/roles.ts). */
export const ROLE_RULE_ID = 'rule:role-by-alternatives';
