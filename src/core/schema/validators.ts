/**
 * The validators compiled at build time (scripts/build-validators.mjs -> generated/), loaded on first use.
 * The path is the same from src/ (tests) and dist/ (the library build): both sit beside generated/.
 */

import type { ErrorObject } from 'ajv';
import type * as Generated from '../../../generated/validators';

export type ValidatorName = 'settings' | 'tierKeys' | 'config';

let compiled: typeof Generated | undefined;

export function validate(name: ValidatorName, value: unknown): ErrorObject[] {
  compiled ??= require('../../../generated/validators.js') as typeof Generated;
  const fn = compiled[name];
  return fn(value) ? [] : (fn.errors ?? []);
}
