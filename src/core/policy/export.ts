/**
 * Compiles a merged policy into managed settings: everything Claude Code can enforce by itself on every
 * developer's machine, plus a note for each part that stays advisory (checked only by `cctier policy check`
 * and `cctier lint --policy`) and why. Pure: the policy in, the settings object and the notes out.
 *
 * Native: availableModels + enforceAvailableModels (the allowed models, cut to the tier cap), model (the
 * starting model), permissions.deny (required deny rules), disableBypassPermissionsMode and disableAutoMode
 * (required, or implied by forbidden modes), allowManagedPermissionRulesOnly and allowManagedHooksOnly
 * (when the policy asks), hooks (managed hooks), allowedHttpHookUrls (allowed hook hosts), and enforced
 * keys (managed values win over every other file).
 */

import { allowVerdict } from '../models/allowlist';
import { CATALOG, type ModelCatalog, type Tier } from '../models/catalog';
import { tierOf } from '../models/rank';
import { resolveModel } from '../models/resolve';
import { annotationAt } from '../schema/shape';
import { pointerSegments } from '../source';
import { hostMatches } from './evaluate';
import type { MergedPolicy, PolicySource, SourcedList } from './model';

export interface AdvisoryNote {
  /** The policy setting, as people write it: "models.routineMaxTier". */
  what: string;
  source?: PolicySource;
  why: string;
}

export interface ManagedExport {
  settings: Record<string, unknown>;
  /** What the managed file does not (or cannot fully) enforce, and why. */
  notes: AdvisoryNote[];
}

type Json = Record<string, unknown>;

/** Merge strategies under which a lower layer can still add to a managed value (see the settings schema). */
const OPEN_MERGES = new Set(['union', 'deep', 'entries-whole']);

export function exportManaged(policy: MergedPolicy, catalog: ModelCatalog = CATALOG): ManagedExport {
  const settings: Json = {};
  const notes: AdvisoryNote[] = [];
  const note = (what: string, why: string, source?: PolicySource): void => void notes.push(source ? { what, source, why } : { what, why });

  // Models: the allowed lists, cut to the tier cap, as one availableModels list.
  const available = availableModels(policy, catalog, note);
  const def = policy.models.default;
  if (def) {
    if (available && allowVerdict(def.value, available, catalog) === 'refused') {
      note('models.default', `${JSON.stringify(def.value)} is not among the models the policy allows, so it is left out of managed settings (Claude Code would refuse it). Choose a starting model the allowed list and the tier cap permit.`, def.source);
    } else settings.model = def.value;
  }
  if (available) {
    settings.availableModels = available;
    if (available.length) settings.enforceAvailableModels = true;
    else note('models.allowed', 'The allowed lists and the tier cap leave no model in common: availableModels is empty, which leaves only the Default option (and enforceAvailableModels would have no effect).');
  }
  if (policy.models.routineMaxTier) {
    note('models.routineMaxTier', 'Claude Code has no setting for a routine-work cap: the session model, the tier file and the routine cap are checked by cctier in pre-commit and CI. The overall cap (availableModels) is what every machine enforces.', policy.models.routineMaxTier.source);
  }
  const lifecycle = policy.models.forbidDeprecated ?? policy.models.forbidRetired;
  if (lifecycle) note(policy.models.forbidDeprecated ? 'models.forbidDeprecated' : 'models.forbidRetired', 'Claude Code has no setting that refuses deprecated or retired models; cctier checks model names against its catalog instead.', lifecycle.source);

  // Permissions.
  const permissions: Json = {};
  if (policy.permissions.requiredDeny.length) permissions.deny = policy.permissions.requiredDeny.map((r) => r.value);
  const modes = new Map(policy.permissions.forbiddenModes.map((m) => [m.value, m]));
  if (policy.permissions.disableBypassPermissionsMode || modes.has('bypassPermissions')) permissions.disableBypassPermissionsMode = 'disable';
  if (modes.has('auto')) permissions.disableAutoMode = 'disable';
  const otherModes = [...modes.values()].filter((m) => m.value !== 'bypassPermissions' && m.value !== 'auto');
  if (otherModes.length) {
    note('permissions.forbiddenModes', `Claude Code can switch off only bypassPermissions and auto mode; ${quoted(otherModes)} ${otherModes.length === 1 ? 'stays' : 'stay'} allowed on developers' machines and cctier checks ${otherModes.length === 1 ? 'it' : 'them'}.`, otherModes[0]!.source);
  }
  if (Object.keys(permissions).length) settings.permissions = permissions;
  if (policy.permissions.managedRulesOnly) {
    settings.allowManagedPermissionRulesOnly = true;
    note('permissions.managedRulesOnly', 'Exported as allowManagedPermissionRulesOnly: only these managed rules count, so every allow, ask and deny rule in user, project and local files stops working. Add the allow rules people need to the policy\'s managed settings.', policy.permissions.managedRulesOnly.source);
  }
  const forbiddenAllow = policy.permissions.forbiddenAllow;
  if (forbiddenAllow.length) {
    note('permissions.forbiddenAllow', `Claude Code cannot forbid a single allow rule (${quoted(forbiddenAllow)}): a deny rule would also block the calls, and allowManagedPermissionRulesOnly drops every non-managed rule. cctier checks them.`, forbiddenAllow[0]!.source);
  }

  // Hooks.
  if (policy.hooks.managed.length) {
    const hooks: Json = {};
    for (const g of policy.hooks.managed) {
      const list = (Object.prototype.hasOwnProperty.call(hooks, g.event) ? hooks[g.event] : (hooks[g.event] = [])) as unknown[];
      list.push(g.value);
    }
    settings.hooks = hooks;
  }
  if (policy.hooks.managedOnly) settings.allowManagedHooksOnly = true;
  const hosts = commonHosts(policy.hooks.urlHosts);
  if (hosts) {
    settings.allowedHttpHookUrls = hosts.map((h) => `https://${h}/*`);
    note('hooks.allowedUrlHosts', 'Exported as allowedHttpHookUrls for https only: an http:// hook to an allowed host is blocked on developers\' machines. The list also applies to managed hooks.', policy.hooks.urlHosts[policy.hooks.urlHosts.length - 1]!.source);
  }
  const prefixes = policy.hooks.commandPrefixes;
  if (prefixes.length) {
    note('hooks.allowedCommandPrefixes', 'Claude Code cannot restrict what a command hook runs; cctier checks the prefixes. To stop every hook but the managed ones on developers\' machines, set hooks.managedOnly.', prefixes[0]!.source);
  }

  // Keys: enforced values hold as managed values; defaults would turn into locks there.
  for (const [pointer, locked] of policy.keys.enforced) {
    const scope = annotationAt('settings', pointer, settings, 'x-scope');
    if (scope === 'global-config' || scope === 'removed') {
      note('keys.enforced', `${pointer} is not read from settings files (${scope === 'removed' ? 'Claude Code no longer reads it' : 'it lives in ~/.claude.json'}), so it is left out of managed settings.`, locked.source);
      continue;
    }
    const replaced = setAt(settings, pointer, locked.value);
    if (replaced) note('keys.enforced', `${pointer} is locked to ${JSON.stringify(locked.value)}, which replaces the value the rest of the policy exported there.`, locked.source);
    const merge = annotationAt('settings', pointer, settings, 'x-merge');
    if (merge && OPEN_MERGES.has(merge)) note('keys.enforced', `${pointer} merges across files (${merge}): other files can still add to the managed value, which cctier reports.`, locked.source);
  }
  for (const [pointer, d] of policy.keys.defaults) {
    note('keys.defaults', `${pointer}: a default cannot go into managed settings, where it would become a lock; put ${JSON.stringify(d.value)} in the repositories' .claude/settings.json.`, d.source);
  }
  const forbiddenKeys = policy.keys.forbidden;
  if (forbiddenKeys.length) note('keys.forbidden', `Claude Code has no setting that forbids a key in other files (${forbiddenKeys.map((f) => f.value).join(', ')}); cctier checks them.`, forbiddenKeys[0]!.source);

  // Env, credentials, subagents, waivers: cctier's own checks.
  const forbiddenEnv = policy.env.forbidden;
  if (forbiddenEnv.length) note('env.forbidden', `Claude Code has no setting that forbids a variable (${forbiddenEnv.map((f) => f.value).join(', ')}); cctier checks settings files for them.`, forbiddenEnv[0]!.source);
  if (policy.env.noCredentials) note('env.noCredentials', 'Claude Code does not refuse credentials written into settings; cctier checks for them.', policy.env.noCredentials.source);
  const agent = policy.agents.maxTier ?? policy.agents.tiers[0];
  if (agent) note('agents', 'Claude Code has no per-subagent tier limit (availableModels applies to subagents as a whole); cctier checks .claude/agents/*.md.', agent.source);
  if (policy.waivers.length) note('waivers', 'Waivers are cctier\'s exceptions to its own checks; managed settings have no exceptions.', policy.waivers[0]!.source);

  return { settings, notes };
}

function quoted(list: ReadonlyArray<{ value: string }>): string {
  return list.map((x) => JSON.stringify(x.value)).join(', ');
}

/**
 * The availableModels list: each layer's entries that every other layer's list also allows, then only those
 * at or below the tier cap. With a cap and no lists: the Claude families at or below it, plus the team's
 * own models that rank there. Undefined when the policy restricts models in neither way.
 */
function availableModels(policy: MergedPolicy, catalog: ModelCatalog, note: (what: string, why: string, source?: PolicySource) => void): string[] | undefined {
  const lists = policy.models.allowed;
  const cap = policy.models.maxTier;
  let entries: string[];
  if (lists.length) {
    const names = lists.map((l) => l.entries.map((e) => e.value));
    const kept = new Set<string>();
    names.forEach((own, i) => {
      for (const e of own) if (names.every((other, j) => j === i || allowVerdict(e, other, catalog) === 'allowed')) kept.add(e);
    });
    entries = [...kept];
  } else if (cap) {
    entries = Object.entries(catalog.aliases)
      .filter(([alias, a]) => a.family === alias && a.tier !== null)
      .map(([alias]) => alias);
    for (const m of catalog.models) if (m.custom && !entries.includes(m.id)) entries.push(m.id);
  } else {
    return undefined;
  }
  if (!cap) return entries;
  const within: string[] = [];
  for (const e of entries) {
    const tier = entryTier(e, catalog);
    if (tier === null) {
      within.push(e);
      note('models.maxTier', `${JSON.stringify(e)} has no tier cctier knows, so the cap cannot be applied to it in managed settings; rank it in cctier config (models) to have it checked.`, cap.source);
    } else if (tier <= cap.value) within.push(e);
  }
  return within;
}

function entryTier(entry: string, catalog: ModelCatalog): Tier | null {
  const family = catalog.families[entry as keyof ModelCatalog['families']];
  if (family) return family.tier;
  return tierOf(resolveModel(entry, catalog));
}

/** Host patterns every layer's list allows (an exact host under another list's `*.` pattern counts). */
function commonHosts(lists: readonly SourcedList[]): string[] | undefined {
  if (!lists.length) return undefined;
  const covered = (pattern: string, by: string): boolean => {
    const p = pattern.toLowerCase();
    const b = by.toLowerCase();
    if (p === b) return true;
    if (!b.startsWith('*.')) return false;
    return p.startsWith('*.') ? p.slice(1).endsWith(b.slice(1)) : hostMatches(p, b);
  };
  const kept = new Set<string>();
  lists.forEach((list, i) => {
    for (const e of list.entries) if (lists.every((other, j) => j === i || other.entries.some((o) => covered(e.value, o.value)))) kept.add(e.value);
  });
  return [...kept];
}

/** Sets the value at a pointer, creating objects on the way; true when it replaced a value. */
function setAt(root: Json, pointer: string, value: unknown): boolean {
  const segs = pointerSegments(pointer);
  let node = root;
  for (const seg of segs.slice(0, -1)) {
    const next = Object.prototype.hasOwnProperty.call(node, seg) ? node[seg] : undefined;
    if (next === null || typeof next !== 'object' || Array.isArray(next)) Object.defineProperty(node, seg, { value: {}, enumerable: true, writable: true, configurable: true });
    node = node[seg] as Json;
  }
  const last = segs[segs.length - 1]!;
  const replaced = Object.prototype.hasOwnProperty.call(node, last);
  Object.defineProperty(node, last, { value: structuredClone(value), enumerable: true, writable: true, configurable: true });
  return replaced;
}
