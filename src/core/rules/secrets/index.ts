import type { Rule } from '../rule';

/** The secrets/* rules, in the order they run. */
export const secretsRules: readonly Rule[] = [];
