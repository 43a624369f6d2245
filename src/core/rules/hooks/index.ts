import type { Rule } from '../rule';

/** The hooks/* rules, in the order they run. */
export const hooksRules: readonly Rule[] = [];
