import type { Rule } from '../rule';

/** The env/* rules, in the order they run. */
export const envRules: readonly Rule[] = [];
