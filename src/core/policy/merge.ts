/**
 * Policy layers merged into one policy, every rule keeping the file, line and column it came from. How each
 * part combines is chosen so that a lower layer can add rules but never loosen a higher one:
 *
 * - lists of requirements and prohibitions add up (required deny rules, forbidden allow rules, modes, keys,
 *   env names) and keep the source of the highest layer that lists them;
 * - allowlists (models, hook command prefixes, hook URL hosts) are not merged: a value must pass every
 *   layer's list, and the diagnostic names the list that refused it;
 * - caps (tiers) take the strictest value; switches (forbidDeprecated, disableBypassPermissionsMode, ...)
 *   are on once any layer turns them on;
 * - enforced values come from the highest layer; a lower layer that enforces or defaults another value for
 *   the same key gets policy/locked-key (never a silent override); defaults come from the lowest, most
 *   specific layer;
 * - managed hooks and waivers add up.
 * Pure: the files in, the merged policy and the conflicts out.
 */

import type { Diagnostic } from '../diagnostic';
import { CATALOG, tierName, type Tier } from '../models/catalog';
import { tierFromName, type TierName } from '../models/team';
import { pointerFrom } from '../source';
import { layerRank, type AgentTierRule, type MergedPolicy, type PolicyFile, type PolicySource, type Sourced, type SourcedList, type Waiver } from './model';
import { sourceLabel } from './describe';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const own = (o: unknown, k: string): unknown => (isObject(o) && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

export interface MergeResult {
  policy: MergedPolicy;
  /** Conflicts between layers (policy/locked-key in the lower policy file). */
  diagnostics: Diagnostic[];
}

export function mergePolicies(files: readonly PolicyFile[]): MergeResult {
  const policy: MergedPolicy = {
    files,
    models: { allowed: [] },
    permissions: { requiredDeny: [], forbiddenAllow: [], forbiddenModes: [] },
    keys: { enforced: new Map(), defaults: new Map(), forbidden: [] },
    hooks: { commandPrefixes: [], urlHosts: [], managed: [] },
    env: { forbidden: [] },
    agents: { tiers: [] },
    waivers: [],
    overridden: [],
  };
  const diagnostics: Diagnostic[] = [];
  const sourceOf = (f: PolicyFile, pointer: string): PolicySource => ({ file: f.file, policy: f.name, layer: f.layer, pointer, ...f.doc.locate(pointer) });
  const sourced = <T>(f: PolicyFile, pointer: string, value: T): Sourced<T> => ({ value, source: sourceOf(f, pointer) });

  // Files come lowest first, so a later file ranks at least as high as an earlier one.
  for (const f of files) {
    const v = f.doc.value as Json;
    const models = own(v, 'models');
    const permissions = own(v, 'permissions');
    const keys = own(v, 'keys');
    const hooks = own(v, 'hooks');
    const env = own(v, 'env');
    const agents = own(v, 'agents');

    const list = (obj: unknown, key: string, base: string): SourcedList | undefined => {
      const items = own(obj, key);
      if (!Array.isArray(items)) return undefined;
      const p = `${base}/${key}`;
      return { source: sourceOf(f, p), entries: items.map((e, i) => sourced(f, `${p}/${i}`, String(e))) };
    };
    const allowed = list(models, 'allowed', '/models');
    if (allowed) policy.models.allowed.push(allowed);
    const prefixes = list(hooks, 'allowedCommandPrefixes', '/hooks');
    if (prefixes) policy.hooks.commandPrefixes.push(prefixes);
    const hosts = list(hooks, 'allowedUrlHosts', '/hooks');
    if (hosts) policy.hooks.urlHosts.push(hosts);

    const cap = (obj: unknown, key: string, base: string, slot: { get(): Sourced<Tier> | undefined; set(s: Sourced<Tier>): void }): void => {
      const tier = tierFromName(own(obj, key) as TierName | undefined);
      if (tier === undefined) return;
      const next = sourced(f, `${base}/${key}`, tier);
      const current = slot.get();
      if (!current || tier < current.value || (tier === current.value && rankOf(next) > rankOf(current))) {
        if (current && tier < current.value) policy.overridden.push({ what: `${base.slice(1)}.${key}`, value: tierName(CATALOG, current.value), source: current.source, by: next.source, reason: 'a stricter cap holds' });
        slot.set(next);
      } else if (tier > current.value) {
        policy.overridden.push({ what: `${base.slice(1)}.${key}`, value: tierName(CATALOG, tier), source: next.source, by: current.source, reason: 'a stricter cap holds' });
      }
    };
    cap(models, 'maxTier', '/models', { get: () => policy.models.maxTier, set: (s) => (policy.models.maxTier = s) });
    cap(models, 'routineMaxTier', '/models', { get: () => policy.models.routineMaxTier, set: (s) => (policy.models.routineMaxTier = s) });
    cap(agents, 'maxTier', '/agents', { get: () => policy.agents.maxTier, set: (s) => (policy.agents.maxTier = s) });

    const model = own(models, 'default');
    if (typeof model === 'string') {
      const next = sourced(f, '/models/default', model);
      if (policy.models.default && policy.models.default.value !== model) {
        policy.overridden.push({ what: 'models.default', value: policy.models.default.value, source: policy.models.default.source, by: next.source, reason: 'a higher layer chooses the starting model' });
      }
      policy.models.default = next;
    }

    const on = (obj: unknown, key: string, base: string): Sourced<true> | undefined => (own(obj, key) === true ? sourced(f, `${base}/${key}`, true as const) : undefined);
    policy.models.forbidDeprecated = on(models, 'forbidDeprecated', '/models') ?? policy.models.forbidDeprecated;
    policy.models.forbidRetired = on(models, 'forbidRetired', '/models') ?? policy.models.forbidRetired;
    policy.permissions.disableBypassPermissionsMode = on(permissions, 'disableBypassPermissionsMode', '/permissions') ?? policy.permissions.disableBypassPermissionsMode;
    policy.permissions.managedRulesOnly = on(permissions, 'managedRulesOnly', '/permissions') ?? policy.permissions.managedRulesOnly;
    policy.hooks.managedOnly = on(hooks, 'managedOnly', '/hooks') ?? policy.hooks.managedOnly;
    policy.env.noCredentials = on(env, 'noCredentials', '/env') ?? policy.env.noCredentials;

    const addUp = (target: Array<Sourced<string>>, obj: unknown, key: string, base: string, same: (a: string, b: string) => boolean = (a, b) => a === b): void => {
      strings(own(obj, key)).forEach((s, i) => {
        const next = sourced(f, `${base}/${key}/${i}`, s);
        const at = target.findIndex((t) => same(t.value, s));
        // The highest layer that asks for it is the one a message cites (and the one a waiver must match).
        if (at === -1) target.push(next);
        else target[at] = next;
      });
    };
    addUp(policy.permissions.requiredDeny, permissions, 'requiredDeny', '/permissions');
    addUp(policy.permissions.forbiddenAllow, permissions, 'forbiddenAllow', '/permissions');
    addUp(policy.permissions.forbiddenModes, permissions, 'forbiddenModes', '/permissions');
    addUp(policy.keys.forbidden, keys, 'forbidden', '/keys');
    addUp(policy.env.forbidden, env, 'forbidden', '/env');

    const enforced = own(keys, 'enforced');
    if (isObject(enforced)) {
      for (const [pointer, value] of Object.entries(enforced)) {
        const next = sourced(f, pointerFrom(['keys', 'enforced', pointer]), value);
        const current = policy.keys.enforced.get(pointer);
        if (current && !sameJson(current.value, value)) {
          // Across layers the lower one is in the wrong; within a layer the file that extends the other wins.
          const across = rankOf(current) < rankOf(next);
          if (across) diagnostics.push(conflict(current, next, pointer, 'enforces'));
          policy.overridden.push({ what: `keys.enforced[${JSON.stringify(pointer)}]`, value: current.value, source: current.source, by: next.source, reason: across ? 'a higher layer enforces another value' : 'the file that extends this one enforces its own value' });
        }
        policy.keys.enforced.set(pointer, next);
      }
    }
    const defaults = own(keys, 'defaults');
    if (isObject(defaults)) {
      for (const [pointer, value] of Object.entries(defaults)) {
        const next = sourced(f, pointerFrom(['keys', 'defaults', pointer]), value);
        const current = policy.keys.defaults.get(pointer);
        // The most specific layer's default wins: the lowest layer, and within a layer the file that extends.
        if (current && layerRank(current.source.layer) < layerRank(f.layer)) {
          policy.overridden.push({ what: `keys.defaults[${JSON.stringify(pointer)}]`, value, source: next.source, by: current.source, reason: 'a lower, more specific layer sets its own default' });
          continue;
        }
        if (current) policy.overridden.push({ what: `keys.defaults[${JSON.stringify(pointer)}]`, value: current.value, source: current.source, by: next.source, reason: 'the file that extends this one sets its own default' });
        policy.keys.defaults.set(pointer, next);
      }
    }

    const managed = own(hooks, 'managed');
    if (isObject(managed)) {
      for (const [event, groups] of Object.entries(managed)) {
        if (!Array.isArray(groups)) continue;
        groups.forEach((group, i) => policy.hooks.managed.push({ event, ...sourced(f, pointerFrom(['hooks', 'managed', event, i]), group) }));
      }
    }

    const agentTiers = own(agents, 'tiers');
    if (isObject(agentTiers)) {
      for (const [pattern, name] of Object.entries(agentTiers)) {
        const tier = tierFromName(name as TierName);
        if (tier !== undefined) policy.agents.tiers.push(sourced<AgentTierRule>(f, pointerFrom(['agents', 'tiers', pattern]), { pattern, tier }));
      }
    }

    const waivers = own(v, 'waivers');
    if (Array.isArray(waivers)) {
      waivers.forEach((w, i) => {
        policy.waivers.push(
          sourced<Waiver>(f, `/waivers/${i}`, { rule: String(own(w, 'rule')), files: strings(own(w, 'files')), reason: String(own(w, 'reason')), expires: String(own(w, 'expires')) }),
        );
      });
    }
  }

  // A lower layer's default for a key a higher layer locks would never hold.
  for (const [pointer, d] of policy.keys.defaults) {
    const locked = policy.keys.enforced.get(pointer);
    if (locked && rankOf(locked) > rankOf(d) && !sameJson(locked.value, d.value)) diagnostics.push(conflict(locked, d, pointer, 'sets a default for'));
  }
  return { policy, diagnostics };
}

function rankOf(s: Sourced<unknown>): number {
  return layerRank(s.source.layer);
}

/** policy/locked-key in the policy file of the lower layer, naming the higher one. */
function conflict(a: Sourced<unknown>, b: Sourced<unknown>, pointer: string, verb: string): Diagnostic {
  const [higher, lower] = rankOf(a) > rankOf(b) ? [a, b] : [b, a];
  const s = lower.source;
  return {
    ruleId: 'policy/locked-key',
    severity: 'error',
    message: `This ${s.layer} policy ${verb} ${pointer} as ${JSON.stringify(lower.value)}, but the ${higher.source.layer} policy locks it to ${JSON.stringify(higher.value)} (${sourceLabel(higher.source)}). A lower layer cannot change a locked key; remove this entry, or change the value where it is locked.`,
    file: s.file,
    line: s.line,
    column: s.column,
    endLine: s.line,
    endColumn: s.column,
    pointer: s.pointer,
  };
}

/** JSON equality for policy and settings values: key order does not matter, array order does. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameJson(a[k], b[k]));
}
