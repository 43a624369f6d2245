import type { Rule } from '../rule';
import { localNotIgnored } from './local-not-ignored';
import { noEffect } from './no-effect';
import { tierFileKeys } from './tier-file-keys';

/** The scopes/* rules, in the order they run. */
export const scopesRules: readonly Rule[] = [noEffect, localNotIgnored, tierFileKeys];
