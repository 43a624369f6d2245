import type { Rule } from '../rule';
import { ignoredVariable } from './ignored-variable';
import { invalidName } from './invalid-name';
import { nonStringValue } from './non-string-value';
import { unknownVariable } from './unknown-variable';

/** The env/* rules, in the order they run. */
export const envRules: readonly Rule[] = [invalidName, unknownVariable, nonStringValue, ignoredVariable];
