/**
 * availableModels as Claude Code applies it: entries are family aliases (`sonnet`: the family's wildcard),
 * version prefixes (`claude-sonnet-4-5`) or full IDs; a specific entry of a family turns that family's
 * wildcard off; `[]` leaves only Default; a family alias the list blocks still resolves to the newest
 * permitted version of its family. Only definite answers are given: a gateway model the list does not
 * name may still be allowed by another layer or by the gateway, so it gets "unknown", not "refused".
 */

import type { ModelCatalog } from './catalog';
import { familyWord, parseModelRef } from './model-ref';
import { resolveModel } from './resolve';

const FAMILY_ALIASES = new Set(['haiku', 'sonnet', 'opus', 'fable']);

export type AllowVerdict = 'allowed' | 'refused' | 'unknown';

interface Entry {
  /** Lower-cased, `[1m]` and spaces removed. */
  key: string;
  /** The family a specific entry belongs to, when it has one. */
  family?: string;
  wildcard: boolean;
}

function clean(s: string): string {
  return parseModelRef(s).key;
}

function entryOf(raw: string, catalog: ModelCatalog): Entry {
  const key = clean(raw);
  if (FAMILY_ALIASES.has(key)) return { key, family: key, wildcard: true };
  const r = resolveModel(key, catalog);
  const family = r.kind === 'model' ? r.model.family : r.kind === 'claude-unknown' ? r.family : r.kind === 'alias' ? r.definition.family : familyWord(key);
  return { key, ...(family ? { family } : {}), wildcard: false };
}

/** True when `entry` names `name` exactly or as a version prefix (`claude-opus-4-5` for `claude-opus-4-5-20251101`). */
function covers(entry: string, name: string): boolean {
  const n = name.toLowerCase();
  return n === entry || n.startsWith(entry + '-');
}

/** Whether Claude Code lets `value` be used under the allowlist `list` (one file's list, as written). */
export function allowVerdict(value: string, list: readonly string[], catalog: ModelCatalog): AllowVerdict {
  const key = clean(value);
  if (key === 'default' || key === '') return 'allowed';
  const entries = list.map((e) => entryOf(e, catalog));
  if (entries.some((e) => e.key === key)) return 'allowed';
  const specific = new Set(entries.filter((e) => !e.wildcard && e.family).map((e) => e.family!));
  const wildcard = new Set(entries.filter((e) => e.wildcard && !specific.has(e.family!)).map((e) => e.family!));
  /** Some version of the family is allowed, by wildcard or by a specific entry. */
  const familyPermitted = (f: string) => wildcard.has(f) || specific.has(f);

  const r = resolveModel(value, catalog);
  switch (r.kind) {
    case 'alias': {
      const d = r.definition;
      if (d.family) return familyPermitted(d.family) ? 'allowed' : 'refused';
      if (d.phases) {
        const plan = catalog.aliases[d.phases.plan]?.family;
        return plan && !familyPermitted(plan) ? 'refused' : 'unknown';
      }
      if (d.otherwise) {
        // `best`: its own model where the organisation has it, otherwise the alias it falls back to.
        const first = r.model?.family;
        const second = catalog.aliases[d.otherwise]?.family;
        return (first && familyPermitted(first)) || (second && familyPermitted(second)) ? 'allowed' : 'refused';
      }
      return 'unknown';
    }
    case 'model': {
      const m = r.model;
      if (wildcard.has(m.family)) return 'allowed';
      const names = [m.id, m.preferred, ...m.aliases, ...Object.values(m.providerIds).filter((n): n is string => !!n)];
      for (const e of entries) {
        if (e.wildcard) continue;
        if (names.some((n) => covers(e.key, n))) return 'allowed';
        const er = resolveModel(e.key, catalog);
        if (er.kind === 'model' && er.model.id === m.id) return 'allowed';
      }
      return 'refused';
    }
    case 'claude-unknown': {
      if (wildcard.has(r.family)) return 'allowed';
      if (entries.some((e) => !e.wildcard && covers(e.key, key))) return 'allowed';
      return 'refused';
    }
    default:
      return entries.some((e) => covers(e.key, key)) ? 'allowed' : 'unknown';
  }
}

/**
 * True when an availableModels entry is a version prefix of catalog names rather than a model of its own
 * (`claude-opus-4` covers every Opus 4.x): lifecycle and spelling rules leave such entries alone.
 */
export function isVersionPrefix(entry: string, catalog: ModelCatalog): boolean {
  const key = clean(entry);
  if (FAMILY_ALIASES.has(key) || key in catalog.aliases) return false;
  let matches = 0;
  for (const m of catalog.models) {
    if ([m.id, m.preferred, ...m.aliases].some((n) => n.toLowerCase() === key)) return false;
    if ([m.id, ...m.aliases].some((n) => n.toLowerCase().startsWith(key + '-'))) matches++;
  }
  return matches > 0;
}
