import type { Rule } from '../rule';
import { deprecatedModel, retiredModel } from './lifecycle';
import { nonCanonicalModel } from './non-canonical';
import { notAvailable } from './not-available';
import { unknownModel } from './unknown';

/** The models/* rules, in the order they run. */
export const modelsRules: readonly Rule[] = [unknownModel, nonCanonicalModel, deprecatedModel, retiredModel, notAvailable];
