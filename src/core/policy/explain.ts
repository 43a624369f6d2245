/**
 * The merged policy as a flat list of rules, each with the file, line and layer that set it: what
 * `cctier policy explain` prints. Pure.
 */

import type { ModelCatalog } from '../models/catalog';
import { tierName } from '../models/catalog';
import type { MergedPolicy, PolicySource } from './model';

export interface ExplainedRule {
  /** The policy setting, as people write it: "models.maxTier", "keys.enforced[/model]". */
  what: string;
  value: unknown;
  source: PolicySource;
}

export function explainPolicy(policy: MergedPolicy, catalog: ModelCatalog): ExplainedRule[] {
  const rules: ExplainedRule[] = [];
  const add = (what: string, value: unknown, source: PolicySource): void => void rules.push({ what, value, source });
  const m = policy.models;
  for (const list of m.allowed) add('models.allowed', list.entries.map((e) => e.value), list.source);
  if (m.maxTier) add('models.maxTier', tierName(catalog, m.maxTier.value), m.maxTier.source);
  if (m.routineMaxTier) add('models.routineMaxTier', tierName(catalog, m.routineMaxTier.value), m.routineMaxTier.source);
  if (m.default) add('models.default', m.default.value, m.default.source);
  if (m.forbidDeprecated) add('models.forbidDeprecated', true, m.forbidDeprecated.source);
  if (m.forbidRetired) add('models.forbidRetired', true, m.forbidRetired.source);
  const p = policy.permissions;
  for (const r of p.requiredDeny) add('permissions.requiredDeny', r.value, r.source);
  for (const r of p.forbiddenAllow) add('permissions.forbiddenAllow', r.value, r.source);
  for (const r of p.forbiddenModes) add('permissions.forbiddenModes', r.value, r.source);
  if (p.disableBypassPermissionsMode) add('permissions.disableBypassPermissionsMode', true, p.disableBypassPermissionsMode.source);
  if (p.managedRulesOnly) add('permissions.managedRulesOnly', true, p.managedRulesOnly.source);
  for (const [pointer, v] of policy.keys.enforced) add(`keys.enforced[${pointer}]`, v.value, v.source);
  for (const [pointer, v] of policy.keys.defaults) add(`keys.defaults[${pointer}]`, v.value, v.source);
  for (const r of policy.keys.forbidden) add('keys.forbidden', r.value, r.source);
  for (const list of policy.hooks.commandPrefixes) add('hooks.allowedCommandPrefixes', list.entries.map((e) => e.value), list.source);
  for (const list of policy.hooks.urlHosts) add('hooks.allowedUrlHosts', list.entries.map((e) => e.value), list.source);
  for (const g of policy.hooks.managed) add(`hooks.managed.${g.event}`, g.value, g.source);
  if (policy.hooks.managedOnly) add('hooks.managedOnly', true, policy.hooks.managedOnly.source);
  for (const r of policy.env.forbidden) add('env.forbidden', r.value, r.source);
  if (policy.env.noCredentials) add('env.noCredentials', true, policy.env.noCredentials.source);
  if (policy.agents.maxTier) add('agents.maxTier', tierName(catalog, policy.agents.maxTier.value), policy.agents.maxTier.source);
  for (const r of policy.agents.tiers) add(`agents.tiers[${r.value.pattern}]`, tierName(catalog, r.value.tier), r.source);
  for (const w of policy.waivers) add('waivers', w.value, w.source);
  return rules;
}
