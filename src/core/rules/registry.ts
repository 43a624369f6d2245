/**
 * Every rule cctier knows, registered once. Rules that run on a parsed file are in RULES; problems found
 * while reading and parsing (before any rule can run) have metadata here too, so config and SARIF treat
 * them like any other rule.
 */

import type { Rule, RuleMeta } from './rule';
import { AGENT_ABOVE_TIER, AGENT_ABOVE_TIER_META } from '../scaffold/agent-tier';
import { deprecatedRules } from './deprecated';
import { envRules } from './env';
import { hooksRules } from './hooks';
import { modelsRules } from './models';
import { permissionsRules } from './permissions';
import { schemaRules } from './schema';
import { scopesRules } from './scopes';
import { secretsRules } from './secrets';
import { tiersRules } from './tiers';

export const RULES: readonly Rule[] = Object.freeze([
  ...schemaRules,
  ...permissionsRules,
  ...secretsRules,
  ...hooksRules,
  ...scopesRules,
  ...envRules,
  ...deprecatedRules,
  ...modelsRules,
  ...tiersRules,
]);

export const SOURCE_RULES: Readonly<Record<string, RuleMeta>> = Object.freeze({
  'file/unreadable': { description: 'A path that cannot be read: missing, a directory, no permission, a symlink loop.', severity: 'error' },
  'file/empty': { description: 'An empty or whitespace-only file: Claude Code cannot parse it.', severity: 'error' },
  'file/too-large': { description: 'A file too large to be a settings file.', severity: 'error' },
  'json/encoding': { description: 'Bytes that are not UTF-8 text (binary data, invalid UTF-8).', severity: 'error' },
  'json/bom': { description: 'A UTF-8 byte-order mark, which makes JSON.parse reject the file.', severity: 'error', fixable: true },
  'json/syntax': { description: 'Text that is not strict JSON: Claude Code rejects the whole file.', severity: 'error' },
  'json/comment': { description: 'Comments, which strict JSON does not allow.', severity: 'error' },
  'json/trailing-comma': { description: 'Trailing commas, which strict JSON does not allow.', severity: 'error', fixable: true },
  'json/duplicate-key': { description: 'A key written twice in one object: JSON.parse keeps the last and silently drops the rest.', severity: 'error' },
  'json/too-deep': { description: 'Nesting far deeper than any settings file needs.', severity: 'error' },
  'json/not-object': { description: 'A top-level value that is not an object.', severity: 'error' },
});

/** Rules over files that are not settings: subagent definitions in .claude/agents (lint-paths.ts runs them). */
export const AGENT_RULES: Readonly<Record<string, RuleMeta>> = Object.freeze({
  [AGENT_ABOVE_TIER]: AGENT_ABOVE_TIER_META,
});

let metaCache: Map<string, RuleMeta> | undefined;

/** id -> metadata for every rule, parse-level ones included. */
export function allRuleMeta(): ReadonlyMap<string, RuleMeta> {
  if (!metaCache) {
    metaCache = new Map(Object.entries(SOURCE_RULES));
    for (const [id, meta] of Object.entries(AGENT_RULES)) metaCache.set(id, meta);
    for (const r of RULES) metaCache.set(r.id, r.meta);
  }
  return metaCache;
}
