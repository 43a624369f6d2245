import type { Rule } from '../rule';

/** The deprecated/* rules, in the order they run. */
export const deprecatedRules: readonly Rule[] = [];
