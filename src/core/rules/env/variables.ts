/**
 * What the env rules know about variables: the documented names and their schema annotations (read from
 * the settings schema's shape, once), plus the handling the annotations cannot express (variables.json).
 */

import { pointerFrom } from '../../source/pointer';
import { rootShape, type SchemaNode } from '../../schema/shape';
import data from './variables.json';

export const IGNORED_EVERYWHERE: ReadonlySet<string> = new Set(data.ignoredEverywhere);
export const PRESENCE_FLAGS: Readonly<Record<string, string>> = data.presenceFlags;
export const OFF_VALUES: ReadonlySet<string> = new Set(data.offValues);

/** The env-variable grammar Claude Code's settings accept. */
export const NAME_GRAMMAR = /^[A-Z_][A-Z0-9_]*$/;

let known: ReadonlyMap<string, SchemaNode> | undefined;

/** Every variable the schema documents, with its subschema (x-scope, x-deprecated, $ref envFlag, ...). */
export function knownVariables(): ReadonlyMap<string, SchemaNode> {
  known ??= new Map(Object.entries(rootShape('settings').$defs?.envVariables?.properties ?? {}));
  return known;
}

const entriesCache = new WeakMap<object, Array<[string, unknown]>>();

/**
 * The env block's own entries, when it is an object (a wrong type is the schema rules' business). Listed
 * once per file and shared by every rule that reads env: enumerating a map of thousands of keys is the
 * costliest step of these rules.
 */
export function envEntries(root: unknown): ReadonlyArray<readonly [string, unknown]> {
  if (root === null || typeof root !== 'object' || Array.isArray(root)) return [];
  if (!Object.prototype.hasOwnProperty.call(root, 'env')) return [];
  const env = (root as Record<string, unknown>).env;
  if (env === null || typeof env !== 'object' || Array.isArray(env)) return [];
  let entries = entriesCache.get(env);
  if (!entries) entriesCache.set(env, (entries = Object.entries(env)));
  return entries;
}

export function envPointer(name: string): string {
  return pointerFrom(['env', name]);
}

const namesCache = new WeakMap<object, ReadonlySet<string>>();

/** Whether env sets `name` (own keys only). */
export function hasVariable(root: unknown, name: string): boolean {
  const entries = envEntries(root);
  let names = namesCache.get(entries);
  if (!names) namesCache.set(entries, (names = new Set(entries.map(([n]) => n))));
  return names.has(name);
}
