import type { Rule } from '../rule';
import { commentKey } from './comment-key';
import { globalConfigKey } from './global-config-key';
import { legacyValue } from './legacy-value';
import { misplacedKey } from './misplaced-key';
import { removedKey } from './removed-key';
import { renamedKey } from './renamed-key';

/** The deprecated/* rules, in the order they run. */
export const deprecatedRules: readonly Rule[] = [renamedKey, removedKey, globalConfigKey, legacyValue, misplacedKey, commentKey];
