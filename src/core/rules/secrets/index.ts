import type { Rule } from '../rule';
import { committedCredential } from './committed-credential';

/** The secrets/* rules, in the order they run. */
export const secretsRules: readonly Rule[] = [committedCredential];
