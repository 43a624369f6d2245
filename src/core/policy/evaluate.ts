/**
 * Checks a repository against a merged policy. Pure: the effective settings with their provenance (from
 * the merger), the tier file and the subagent files in; diagnostics out, grouped by the file that breaks
 * the policy. Each diagnostic sits at the settings value that breaks a rule, and its message cites the
 * policy file and line that set the rule. Waivers then move matching diagnostics aside (with their
 * reason), and an expired waiver becomes an error of its own.
 */

import * as path from 'node:path';
import picomatch from 'picomatch';
import type { Diagnostic, FileResult, Severity } from '../diagnostic';
import type { EffectiveSettings } from '../layers/merge';
import type { RuleSeverities } from '../lint/severity';
import { isVersionPrefix, allowVerdict } from '../models/allowlist';
import { CATALOG, type ModelCatalog, type Tier } from '../models/catalog';
import { activeSuccessor, describeResolution, modelName, tierLabel } from '../models/describe';
import { tierOf } from '../models/rank';
import { resolveModel } from '../models/resolve';
import { POLICY_RULES } from '../rules/registry';
import { MODEL_ENV_VARS } from '../rules/models/sites';
import { covers, meaningKey } from '../rules/permissions/rule-cover';
import { parsePermissionRule, type PermissionRule } from '../rules/permissions/rule-grammar';
import { pointerFrom, type Position } from '../source';
import { looksSecret, pointerLabel, redact, valuePreview } from '../text/preview';
import { readAgentModel } from './agent-model';
import { citeSource, shortPath } from './describe';
import { sameJson } from './merge';
import { layerRank, type MergedPolicy, type PolicySource, type Sourced, type SourcedList } from './model';

export interface LocatedFile {
  file: string;
  /** Where the value at a JSON Pointer sits; undefined when the file has no such value. */
  locate?: (pointer: string) => Position | undefined;
}

export interface RepositoryView {
  /** The directory checked: messages show paths relative to it, and waiver globs match against it. */
  dir: string;
  effective: EffectiveSettings;
  /** The shared project settings file (which may not exist): missing required settings are reported there. */
  projectFile: LocatedFile;
  tierFile?: LocatedFile & { value: unknown };
  agents: ReadonlyArray<{ file: string; text: string }>;
}

export interface EvaluateOptions {
  /** Today's date, YYYY-MM-DD, for waiver expiry. */
  today: string;
  catalog?: ModelCatalog;
  /** The team's severities from cctier config; "off" drops a rule. */
  severities?: RuleSeverities;
}

interface Violation {
  ruleId: string;
  file: string;
  at: Position;
  pointer: string;
  message: string;
  /** The policy rule broken; waivers are weighed against its layer. */
  source: PolicySource;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const own = (o: unknown, k: string): unknown => (isObject(o) && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);
const TOP: Position = { line: 1, column: 1 };

/** A place where settings, the tier file or a subagent name a model. */
interface ModelSite {
  file: string;
  at: Position;
  pointer: string;
  value: string;
  label: string;
  allowlist: boolean;
  routine: boolean;
  agent?: string;
}

export function evaluatePolicy(policy: MergedPolicy, repo: RepositoryView, options: EvaluateOptions): FileResult[] {
  const catalog = options.catalog ?? CATALOG;
  const out: Violation[] = [];
  const cite = (s: PolicySource): string => citeSource(s, repo.dir);
  const settings = repo.effective.settings;
  const add = (ruleId: string, pointer: string, message: string, source: PolicySource, where = originOf(repo, pointer)): void => {
    const w = where ?? { file: repo.projectFile.file, at: projectPosition(repo.projectFile, pointer) };
    out.push({ ruleId, file: w.file, at: w.at, pointer, message, source });
  };

  checkModels(policy, modelSites(repo), catalog, cite, out);
  checkPermissions(policy, settings, repo, cite, add);
  checkKeys(policy, settings, cite, add);
  checkHooks(policy, settings, cite, add);
  checkEnv(policy, settings, cite, add);
  return applyWaivers(policy, out, repo, options);
}

// ---------------------------------------------------------------------------------------------- models

function modelSites(repo: RepositoryView): ModelSite[] {
  const sites: ModelSite[] = [];
  const settings = repo.effective.settings;
  const fromSettings = (pointer: string, value: unknown, label: string, allowlist: boolean, routine: boolean): void => {
    const p = repo.effective.provenance[pointer];
    if (typeof value !== 'string' || !p) return;
    sites.push({ file: p.file, at: p.line ? { line: p.line, column: p.column ?? 1 } : TOP, pointer, value, label, allowlist, routine });
  };
  fromSettings('/model', own(settings, 'model'), 'model', false, true);
  fromSettings('/advisorModel', own(settings, 'advisorModel'), 'advisorModel', false, false);
  const fallback = own(settings, 'fallbackModel');
  if (Array.isArray(fallback)) fallback.forEach((m, i) => fromSettings(`/fallbackModel/${i}`, m, `fallbackModel[${i}]`, false, false));
  const available = own(settings, 'availableModels');
  if (Array.isArray(available)) available.forEach((m, i) => fromSettings(`/availableModels/${i}`, m, `availableModels[${i}]`, true, false));
  const env = own(settings, 'env');
  for (const name of MODEL_ENV_VARS) fromSettings(pointerFrom(['env', name]), own(env, name), `env.${name}`, false, name === 'ANTHROPIC_MODEL');

  const tier = repo.tierFile;
  if (tier && isObject(tier.value)) {
    const label = shortPath(tier.file, repo.dir);
    const fromTier = (pointer: string, value: unknown, key: string, routine: boolean): void => {
      if (typeof value === 'string') sites.push({ file: tier.file, at: tier.locate?.(pointer) ?? TOP, pointer, value, label: `${key} in ${label}`, allowlist: false, routine });
    };
    fromTier('/defaultModel', own(tier.value, 'defaultModel'), 'defaultModel', true);
    fromTier('/maxModelForRoutineTasks', own(tier.value, 'maxModelForRoutineTasks'), 'maxModelForRoutineTasks', true);
    const tiers = own(tier.value, 'tiers');
    if (isObject(tiers)) for (const [name, def] of Object.entries(tiers)) fromTier(pointerFrom(['tiers', name, 'model']), own(def, 'model'), `tiers.${name}.model`, false);
  }
  for (const a of repo.agents) {
    const agent = readAgentModel(path.basename(a.file), a.text);
    if (!agent?.model) continue;
    sites.push({ file: a.file, at: agent.model.at, pointer: '/model', value: agent.model.value, label: `the subagent ${agent.name}'s model`, allowlist: false, routine: false, agent: agent.name });
  }
  return sites;
}

function checkModels(policy: MergedPolicy, sites: readonly ModelSite[], catalog: ModelCatalog, cite: (s: PolicySource) => string, out: Violation[]): void {
  const { allowed, maxTier, routineMaxTier, forbidDeprecated, forbidRetired } = policy.models;
  const tierWord = (t: Tier): string => tierLabel(catalog, t);
  for (const site of sites) {
    const key = site.value.trim();
    // `default` and `inherit` choose no model of their own.
    if (key === '' || key === 'default' || key === 'inherit') continue;
    const r = resolveModel(site.value, catalog);
    const tier = tierOf(r);
    const shown = `${valuePreview(site.value)} (${describeResolution(r)}${tier !== null ? `, ${tierWord(tier)}` : ''})`;
    const push = (ruleId: string, message: string, source: PolicySource): void => {
      out.push({ ruleId, file: site.file, at: site.at, pointer: site.pointer, message, source });
    };

    for (const list of allowed) {
      const names = list.entries.map((e) => e.value);
      if (allowVerdict(site.value, names, catalog) !== 'refused') continue;
      push(
        'policy/model-not-allowed',
        `${capital(site.label)} is ${shown}, which the allowed models of ${cite(list.source)} do not include (${names.map((n) => JSON.stringify(n)).join(', ')}). Choose one of them${site.allowlist ? ', or remove this entry' : ''}.`,
        list.source,
      );
    }

    if (site.agent !== undefined) {
      const limit = agentLimit(policy, site.agent);
      if (limit && tier !== null && tier > limit.value) {
        push(
          'policy/agent-tier',
          `${capital(site.label)} is ${shown}, above the ${tierWord(limit.value)} that ${cite(limit.source)} allows this subagent. Every task delegated to it would run, and be billed, above that tier. Pick a model of the ${tierWord(limit.value)} or below.`,
          limit.source,
        );
      }
    } else if (maxTier && tier !== null && tier > maxTier.value) {
      push(
        'policy/tier-cap',
        `${capital(site.label)} is ${shown}, above the ${tierWord(maxTier.value)}, the highest ${cite(maxTier.source)} allows. Use a model of the ${tierWord(maxTier.value)} or below${site.allowlist ? ', or remove this entry' : ''}.`,
        maxTier.source,
      );
    } else if (site.routine && routineMaxTier && tier !== null && tier > routineMaxTier.value) {
      push(
        'policy/routine-tier-cap',
        `${capital(site.label)} is ${shown}, but ${cite(routineMaxTier.source)} caps routine work at the ${tierWord(routineMaxTier.value)}. ${site.pointer === '/maxModelForRoutineTasks' ? 'Lower the cap to a model of that tier.' : 'Start routine work on a model of that tier and switch up with /model for critical work.'}`,
        routineMaxTier.source,
      );
    }

    const lifecycle = forbidDeprecated ?? forbidRetired;
    if (lifecycle && r.kind === 'model' && !(site.allowlist && isVersionPrefix(site.value, catalog))) {
      const m = r.model;
      const forbidden = m.status === 'retired' ? (forbidDeprecated ?? forbidRetired) : m.status === 'deprecated' ? forbidDeprecated : undefined;
      if (forbidden) {
        const when = m.status === 'retired' ? (m.retiredOn ? ` on ${m.retiredOn}` : '') : m.retiresOn ? ` (retiring ${m.retiresOn})` : '';
        const next = activeSuccessor(catalog, m);
        push(
          'policy/deprecated-model',
          `${capital(site.label)} is ${valuePreview(site.value)}: ${modelName(m)} was ${m.status === 'retired' ? 'retired' : 'deprecated'}${when}, and ${cite(forbidden.source)} forbids ${m.status} models.${next ? ` Move to ${JSON.stringify(next.preferred)} (${modelName(next)}).` : ''}`,
          forbidden.source,
        );
      }
    }
  }
}

/** The cap for one subagent: the strictest of its own entries, agents.maxTier and models.maxTier. */
function agentLimit(policy: MergedPolicy, name: string): Sourced<Tier> | undefined {
  const candidates: Array<Sourced<Tier>> = [];
  for (const rule of policy.agents.tiers) if (picomatch.isMatch(name, rule.value.pattern, { nocase: true })) candidates.push({ value: rule.value.tier, source: rule.source });
  if (policy.agents.maxTier) candidates.push(policy.agents.maxTier);
  if (policy.models.maxTier) candidates.push(policy.models.maxTier);
  let best: Sourced<Tier> | undefined;
  for (const c of candidates) if (!best || c.value < best.value) best = c;
  return best;
}

// ----------------------------------------------------------------------------------------- permissions

type Add = (ruleId: string, pointer: string, message: string, source: PolicySource, where?: { file: string; at: Position }) => void;

function checkPermissions(policy: MergedPolicy, settings: Json, repo: RepositoryView, cite: (s: PolicySource) => string, add: Add): void {
  const permissions = own(settings, 'permissions');
  const list = (name: string): string[] => {
    const v = own(permissions, name);
    return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
  };
  const project = shortPath(repo.projectFile.file, repo.dir);

  const deny = list('deny').map((t) => parsePermissionRule(t, 'deny'));
  for (const required of policy.permissions.requiredDeny) {
    const want = parsePermissionRule(required.value, 'deny');
    if (deny.some((d) => denies(d, want))) continue;
    add(
      'policy/required-deny',
      '/permissions/deny',
      `No deny rule covers ${JSON.stringify(required.value)}, which ${cite(required.source)} requires. Add it to permissions.deny in ${project}, so Claude Code can never do this in the repository.`,
      required.source,
      { file: repo.projectFile.file, at: projectPosition(repo.projectFile, '/permissions/deny') },
    );
  }

  if (policy.permissions.forbiddenAllow.length) {
    const patterns = policy.permissions.forbiddenAllow.map((f) => ({ f, rule: parsePermissionRule(f.value, 'deny') }));
    list('allow').forEach((text, i) => {
      const allow = parsePermissionRule(text, 'allow');
      const hit = patterns.find((p) => grantsAll(allow, p.rule));
      if (!hit) return;
      add(
        'policy/forbidden-allow',
        `/permissions/allow/${i}`,
        `The allow rule ${valuePreview(text)} grants everything ${JSON.stringify(hit.f.value)} matches, which ${cite(hit.f.source)} forbids allowing. Allow the specific commands or paths the work needs instead.`,
        hit.f.source,
      );
    });
  }

  const mode = own(permissions, 'defaultMode');
  if (typeof mode === 'string') {
    const hit = policy.permissions.forbiddenModes.find((m) => m.value === mode || (normalMode(m.value) === normalMode(mode)));
    if (hit) {
      add('policy/forbidden-mode', '/permissions/defaultMode', `permissions.defaultMode is ${JSON.stringify(mode)}, a mode ${cite(hit.source)} forbids. Choose another mode (default, acceptEdits or plan), or remove the key.`, hit.source);
    }
  }

  const bypass = policy.permissions.disableBypassPermissionsMode;
  if (bypass && own(permissions, 'disableBypassPermissionsMode') !== 'disable') {
    const set = originOf(repo, '/permissions/disableBypassPermissionsMode');
    add(
      'policy/bypass-not-disabled',
      '/permissions/disableBypassPermissionsMode',
      `permissions.disableBypassPermissionsMode is not "disable", which ${cite(bypass.source)} requires: anyone can start a session with --dangerously-skip-permissions. Add "disableBypassPermissionsMode": "disable" to permissions in ${project}.`,
      bypass.source,
      set ?? { file: repo.projectFile.file, at: projectPosition(repo.projectFile, '/permissions') },
    );
  }
}

/** Where an effective value came from: its file and position, from the merger's provenance. */
function originOf(repo: RepositoryView, pointer: string): { file: string; at: Position } | undefined {
  const p = repo.effective.provenance[pointer];
  return p ? { file: p.file, at: p.line ? { line: p.line, column: p.column ?? 1 } : TOP } : undefined;
}

/** `manual` is Claude Code's other name for `default`. */
function normalMode(m: string): string {
  return m === 'manual' ? 'default' : m;
}

/** A deny rule that certainly blocks everything the required rule names. */
function denies(deny: PermissionRule, required: PermissionRule): boolean {
  if (meaningKey(deny) === meaningKey(required) || covers(deny, required)) return true;
  // A bare file name (`.env`) matches at any depth under the working directory, so it covers every
  // working-directory path of the same tool that ends in that name (`./.env`, `config/.env`, `**/.env`).
  const d = deny.path;
  const r = required.path;
  if (deny.kind !== 'path' || required.kind !== 'path' || !d || !r || deny.tool !== required.tool) return false;
  const bare = d.anchor === 'cwd' && !d.glob && !d.path.includes('/') && !deny.specifier?.startsWith('./');
  return bare && r.anchor === 'cwd' && r.path.split('/').pop() === d.path;
}

/** The allow rule matches every call the forbidden pattern matches (it is the pattern, or broader). */
function grantsAll(allow: PermissionRule, pattern: PermissionRule): boolean {
  return meaningKey(allow) === meaningKey(pattern) || covers(allow, pattern);
}

/** Where a missing key would go in the project file: the value at the pointer, its nearest ancestor, or 1:1. */
function projectPosition(f: LocatedFile, pointer: string): Position {
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
    const at = f.locate?.(p);
    if (at) return at;
    if (p === '') return TOP;
  }
}

// ------------------------------------------------------------------------------------------------ keys

function checkKeys(policy: MergedPolicy, settings: Json, cite: (s: PolicySource) => string, add: Add): void {
  for (const [pointer, locked] of policy.keys.enforced) {
    const found = valueAt(settings, pointer);
    if (!found.present || sameJson(found.value, locked.value)) continue;
    add(
      'policy/locked-key',
      pointer,
      `${pointerLabel(pointer)} is ${preview(found.value)}, but ${cite(locked.source)} locks it to ${preview(locked.value)}. Remove it from this file or set it to the locked value.`,
      locked.source,
    );
  }
  for (const forbidden of policy.keys.forbidden) {
    if (!valueAt(settings, forbidden.value).present) continue;
    add('policy/forbidden-key', forbidden.value, `${pointerLabel(forbidden.value)} is set here, but ${cite(forbidden.source)} forbids this key. Remove it.`, forbidden.source);
  }
}

function valueAt(root: unknown, pointer: string): { present: boolean; value?: unknown } {
  let v = root;
  for (const seg of pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    if (Array.isArray(v) && /^\d+$/.test(seg) && Number(seg) < v.length) v = v[Number(seg)];
    else if (isObject(v) && Object.prototype.hasOwnProperty.call(v, seg)) v = v[seg];
    else return { present: false };
  }
  return { present: true, value: v };
}

function preview(v: unknown): string {
  return typeof v === 'string' ? valuePreview(v) : Array.isArray(v) || isObject(v) ? JSON.stringify(v).slice(0, 80) : String(v);
}

// ----------------------------------------------------------------------------------------------- hooks

function checkHooks(policy: MergedPolicy, settings: Json, cite: (s: PolicySource) => string, add: Add): void {
  const { commandPrefixes, urlHosts } = policy.hooks;
  if (!commandPrefixes.length && !urlHosts.length) return;
  const hooks = own(settings, 'hooks');
  if (!isObject(hooks)) return;
  for (const [event, groups] of Object.entries(hooks)) {
    if (!Array.isArray(groups)) continue;
    groups.forEach((group, g) => {
      const handlers = own(group, 'hooks');
      if (!Array.isArray(handlers)) return;
      handlers.forEach((h, i) => {
        const base = pointerFrom(['hooks', event, g, 'hooks', i]);
        const command = own(h, 'command');
        const type = own(h, 'type');
        if ((type === 'command' || type === undefined) && typeof command === 'string') {
          for (const list of commandPrefixes) {
            if (list.entries.some((p) => command.trimStart().startsWith(p.value))) continue;
            add(
              'policy/hook-command',
              `${base}/command`,
              `The ${event} hook runs ${valuePreview(command)}, which starts with none of the command prefixes ${cite(list.source)} allows (${shownList(list)}). Move the script under an allowed prefix, or ask for the prefix to be added.`,
              list.source,
            );
          }
        }
        const url = own(h, 'url');
        if (type === 'http' && typeof url === 'string') {
          const host = hostOf(url);
          for (const list of urlHosts) {
            if (host && list.entries.some((p) => hostMatches(host, p.value))) continue;
            add(
              'policy/hook-url',
              `${base}/url`,
              `The ${event} hook sends data to ${host ? JSON.stringify(host) : valuePreview(url)}${host ? '' : ' (a URL cctier cannot read a host from)'}, not a host ${cite(list.source)} allows (${shownList(list)}). Point it at an allowed host.`,
              list.source,
            );
          }
        }
      });
    });
  }
}

function shownList(list: SourcedList): string {
  return list.entries.length ? list.entries.map((e) => JSON.stringify(e.value)).join(', ') : 'none';
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase().replace(/\.$/, '') || undefined;
  } catch {
    return undefined;
  }
}

/** `hooks.example.com` exactly, or `*.example.com` for any subdomain (not the apex). */
export function hostMatches(host: string, pattern: string): boolean {
  const p = pattern.toLowerCase();
  return p.startsWith('*.') ? host.endsWith(p.slice(1)) && host.length > p.length - 1 : host === p;
}

// ------------------------------------------------------------------------------------------------- env

function checkEnv(policy: MergedPolicy, settings: Json, cite: (s: PolicySource) => string, add: Add): void {
  const env = own(settings, 'env');
  if (isObject(env) && policy.env.forbidden.length) {
    const tests = policy.env.forbidden.map((f) => ({ f, re: globRegex(f.value) }));
    for (const name of Object.keys(env)) {
      const hit = tests.find((t) => t.re.test(name));
      if (hit) add('policy/forbidden-env', pointerFrom(['env', name]), `env sets ${name}, a variable ${cite(hit.f.source)} forbids${hit.f.value !== name ? ` (${hit.f.value})` : ''}. Remove it.`, hit.f.source);
    }
  }
  const creds = policy.env.noCredentials;
  if (creds) {
    walkStrings(settings, '', undefined, (pointer, value, key) => {
      if (!looksSecret(value, key)) return;
      add(
        'policy/credential',
        pointer,
        `${pointerLabel(pointer)} holds what looks like a credential (${redact(value)}), and ${cite(creds.source)} forbids credentials in settings: they are stored in clear text and passed to every subprocess. Use apiKeyHelper or a secret store, and rotate this one.`,
        creds.source,
      );
    });
  }
}

const globCache = new Map<string, RegExp>();
function globRegex(glob: string): RegExp {
  let re = globCache.get(glob);
  if (!re) globCache.set(glob, (re = new RegExp('^' + glob.split('*').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$')));
  return re;
}

function walkStrings(value: unknown, pointer: string, key: string | undefined, visit: (pointer: string, value: string, key?: string) => void): void {
  if (typeof value === 'string') visit(pointer, value, key);
  else if (Array.isArray(value)) value.forEach((v, i) => walkStrings(v, `${pointer}/${i}`, key, visit));
  else if (isObject(value)) for (const [k, v] of Object.entries(value)) walkStrings(v, pointer + pointerFrom([k]), k, visit);
}

// --------------------------------------------------------------------------------------------- waivers

function applyWaivers(policy: MergedPolicy, violations: readonly Violation[], repo: RepositoryView, options: EvaluateOptions): FileResult[] {
  const byFile = new Map<string, FileResult>();
  const result = (file: string): FileResult => {
    let r = byFile.get(file);
    if (!r) byFile.set(file, (r = { file, diagnostics: [] }));
    return r;
  };
  const severityOf = (ruleId: string): Severity | 'off' => options.severities?.get(ruleId) ?? POLICY_RULES[ruleId]?.severity ?? 'error';
  const toDiagnostic = (v: Violation, severity: Severity): Diagnostic => ({
    ruleId: v.ruleId,
    severity,
    message: v.message,
    file: v.file,
    line: v.at.line,
    column: v.at.column,
    endLine: v.at.line,
    endColumn: v.at.column,
    pointer: v.pointer,
  });

  const active = [];
  for (const w of policy.waivers) {
    if (w.value.expires >= options.today) {
      active.push({ w, matches: w.value.files.length ? picomatch(w.value.files as string[], { dot: true }) : () => true });
      continue;
    }
    const severity = severityOf('policy/waiver-expired');
    if (severity === 'off') continue;
    const at = policy.files.find((f) => f.file === w.source.file)?.doc.locate(`${w.source.pointer}/expires`) ?? w.source;
    result(w.source.file).diagnostics.push(
      toDiagnostic(
        {
          ruleId: 'policy/waiver-expired',
          file: w.source.file,
          at: { line: at.line, column: at.column },
          pointer: `${w.source.pointer}/expires`,
          message: `This waiver of ${w.value.rule} expired on ${w.value.expires} ("${w.value.reason}"), so it waives nothing: the violations it covered are reported again. Fix them, or renew the waiver with a new date if the exception still holds.`,
          source: w.source,
        },
        severity,
      ),
    );
  }

  for (const v of violations) {
    const severity = severityOf(v.ruleId);
    if (severity === 'off') continue;
    const rel = path.relative(repo.dir, v.file).split(path.sep).join('/');
    const candidates = active.filter((a) => a.w.value.rule === v.ruleId && a.matches(rel));
    // A waiver speaks for its own layer: a project policy cannot waive what the org requires.
    const waiver = candidates.find((a) => layerRank(a.w.source.layer) >= layerRank(v.source.layer));
    const d = toDiagnostic(v, severity);
    if (waiver) {
      const r = result(v.file);
      (r.suppressed ??= []).push({ ...d, reason: `waived until ${waiver.w.value.expires} by ${citeSource(waiver.w.source, repo.dir)}: ${waiver.w.value.reason}` });
      continue;
    }
    const weak = candidates[0];
    if (weak) d.message += ` (The waiver in ${citeSource(weak.w.source, repo.dir)} cannot waive it: only a waiver in the ${v.source.layer} policy or above can.)`;
    result(v.file).diagnostics.push(d);
  }
  const results = [...byFile.values()];
  for (const r of results) r.diagnostics.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
  return results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Labels that are key names stay as written; "the subagent ..." starts a sentence. */
function capital(s: string): string {
  return s.startsWith('the ') ? 'T' + s.slice(1) : s;
}
