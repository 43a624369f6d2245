import type { Rule } from '../rule';

/** The permissions/* rules, in the order they run. */
export const permissionsRules: readonly Rule[] = [];
