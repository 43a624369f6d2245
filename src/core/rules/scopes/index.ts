import type { Rule } from '../rule';

/** The scopes/* rules, in the order they run. */
export const scopesRules: readonly Rule[] = [];
