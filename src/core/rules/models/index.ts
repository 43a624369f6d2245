import type { Rule } from '../rule';

/** The models/* rules, in the order they run. */
export const modelsRules: readonly Rule[] = [];
