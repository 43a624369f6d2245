import type { Rule } from '../rule';

/** The tiers/* rules, in the order they run. */
export const tiersRules: readonly Rule[] = [];
