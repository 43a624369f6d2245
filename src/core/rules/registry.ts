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

/**
 * Org policy (src/core/policy): violations found in a repository's effective settings, tier file and
 * subagents, and problems with the policy files themselves. They do not run per file, but config
 * severities, suppressions and SARIF treat them like any other rule.
 */
export const POLICY_RULES: Readonly<Record<string, RuleMeta>> = Object.freeze({
  'policy/model-not-allowed': { description: 'A model the policy\'s allowed list does not permit.', severity: 'error' },
  'policy/tier-cap': { description: 'A model ranked above the policy\'s highest tier.', severity: 'error' },
  'policy/routine-tier-cap': { description: 'The model for routine work (the session model, the tier file\'s defaultModel or its routine cap) above the policy\'s routine tier.', severity: 'error' },
  'policy/deprecated-model': { description: 'A deprecated or retired model where the policy forbids them.', severity: 'error' },
  'policy/required-deny': { description: 'A deny rule the policy requires is missing from the effective settings.', severity: 'error' },
  'policy/forbidden-allow': { description: 'An allow rule that grants everything a pattern the policy forbids matches.', severity: 'error' },
  'policy/forbidden-mode': { description: 'A permissions.defaultMode the policy forbids.', severity: 'error' },
  'policy/bypass-not-disabled': { description: 'permissions.disableBypassPermissionsMode is not "disable" where the policy requires it.', severity: 'error' },
  'policy/locked-key': { description: 'A settings value, or a lower policy layer, that changes a value the policy locks.', severity: 'error' },
  'policy/forbidden-key': { description: 'A settings key the policy forbids.', severity: 'error' },
  'policy/hook-command': { description: 'A command hook that starts with none of the policy\'s allowed prefixes.', severity: 'error' },
  'policy/hook-url': { description: 'An HTTP hook calling a host the policy does not allow.', severity: 'error' },
  'policy/forbidden-env': { description: 'An env variable the policy forbids.', severity: 'error' },
  'policy/credential': { description: 'A credential in clear text in the settings, where the policy forbids it.', severity: 'error' },
  'policy/agent-tier': { description: 'A subagent whose model ranks above the tier the policy allows it.', severity: 'error' },
  'policy/waiver-expired': { description: 'A policy waiver past its expiry date: it waives nothing any more.', severity: 'error' },
  'policy/invalid': { description: 'A policy file that cannot be used: not YAML or JSON, or not the policy format.', severity: 'error' },
  'policy/not-found': { description: 'A policy, or a policy it extends, that cannot be found.', severity: 'error' },
  'policy/extends-cycle': { description: 'Policies that extend each other in a cycle.', severity: 'error' },
});

/** Rules over files that are not settings: subagent definitions in .claude/agents (lint-paths.ts runs them). */
export const AGENT_RULES: Readonly<Record<string, RuleMeta>> = Object.freeze({
  [AGENT_ABOVE_TIER]: AGENT_ABOVE_TIER_META,
});

let metaCache: Map<string, RuleMeta> | undefined;

/** id -> metadata for every rule, parse-level ones included. */
export function allRuleMeta(): ReadonlyMap<string, RuleMeta> {
  if (!metaCache) {
    metaCache = new Map([...Object.entries(SOURCE_RULES), ...Object.entries(AGENT_RULES), ...Object.entries(POLICY_RULES)]);
    for (const r of RULES) metaCache.set(r.id, r.meta);
  }
  return metaCache;
}
