import type { Rule } from '../rule';
import { defaultAboveCap } from './default-above-cap';
import { defaultNotApplied } from './default-not-applied';
import { expensiveDefault } from './expensive-default';
import { keyInClaudeSettings } from './key-in-claude-settings';
import { modelAboveCap } from './model-above-cap';

/** The tiers/* rules, in the order they run. */
export const tiersRules: readonly Rule[] = [defaultAboveCap, modelAboveCap, defaultNotApplied, keyInClaudeSettings, expensiveDefault];
