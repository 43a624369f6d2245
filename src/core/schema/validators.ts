/**
 * The validators compiled at build time (scripts/build-validators.mjs -> generated/), loaded on first use.
 * The path is the same from src/ (tests) and dist/ (the built CLI): both sit beside generated/.
 */

import type { ErrorObject } from 'ajv';
import type * as Generated from '../../../generated/validators';

export type SchemaName = 'settings' | 'tierFile' | 'config';

export interface SchemaIndexEntry {
  properties?: string[];
  hint?: string;
  description?: string;
  enumNotes?: Record<string, string>;
  ref?: string;
}
export type SchemaIndex = Record<SchemaName, Record<string, SchemaIndexEntry>>;

let compiled: typeof Generated | undefined;
let index: SchemaIndex | undefined;

export function validate(name: SchemaName, value: unknown): ErrorObject[] {
  compiled ??= require('../../../generated/validators.js') as typeof Generated;
  const fn = compiled[name];
  return fn(value) ? [] : (fn.errors ?? []);
}

export function schemaIndex(): SchemaIndex {
  index ??= require('../../../generated/schema-index.json') as SchemaIndex;
  return index;
}
