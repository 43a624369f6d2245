/**
 * The init planner: from a profile, the project's detected facts and the current text of every file it may
 * touch, the full new text of each file and what changes in it. Pure: no file system, no process, no
 * clock; the command reads the inputs and writes the outputs.
 *
 * Nothing is overwritten. A JSON file that exists is merged into (missing keys added, permission lists
 * unioned, other values kept unless `force`); a subagent file that exists with other content is kept unless
 * `force`. The output of a plan, planned again, changes nothing.
 */

import type { ModelCatalog } from '../models/catalog';
import { describeResolution } from '../models/describe';
import { resolveModel } from '../models/resolve';
import { tierPlan, type TierDef, type TierPlan } from '../models/tier-plan';
import { annotationAt, type ShapeDoc } from '../schema/shape';
import { parseJson } from '../source';
import { pointerLabel, valuePreview } from '../text/preview';
import { agentTier } from './agent-tier';
import { parseAgentFile, renderAgent } from './agent-file';
import type { ProjectFacts } from './detect';
import { unifiedDiff } from './diff';
import { planGitignore } from './gitignore';
import { mergeJsonText, type MergeResult, type ValueChange } from './json-merge';
import { claudeCodeModel } from './model-choice';
import { hookPaths, planHook } from './pre-commit';
import { jsonText, profileDefault, settingsValue, tierFileValue } from './render';
import type { ProfileName, Templates } from './templates';

export const FILE_GROUPS = ['tier-file', 'settings', 'agents', 'gitignore', 'pre-commit'] as const;
export type FileGroup = (typeof FILE_GROUPS)[number];
/** What init writes unless told otherwise; the pre-commit hook only with --pre-commit. */
export const DEFAULT_GROUPS: readonly FileGroup[] = ['tier-file', 'settings', 'agents', 'gitignore'];

export const TIER_FILE = 'claude_settings.json';
export const SETTINGS_FILE = '.claude/settings.json';
export const AGENTS_DIR = '.claude/agents';
export const GITIGNORE = '.gitignore';

export type Action = 'create' | 'update' | 'unchanged';
/** How `cctier lint` reads the file, for the check before anything is written. */
export type LintAs = 'tier-file' | 'settings' | 'agent';

export interface PlannedFile {
  /** Relative to the repository root, with forward slashes. */
  path: string;
  group: FileGroup;
  action: Action;
  /** The current text; undefined for a new file. */
  before?: string;
  after: string;
  /** What changes, one line each. */
  changes: string[];
  /** What differs from the profile and stays as it is (`force` would replace it). */
  kept: string[];
  diff: string;
  lintAs?: LintAs;
}

export interface PlanProblem {
  path: string;
  message: string;
}

export interface ScaffoldFacts {
  project: ProjectFacts;
  /** git already ignores .claude/settings.local.json (git check-ignore). */
  localSettingsIgnored: boolean;
  /** The repository has a .husky folder. */
  huskyDir: boolean;
}

export interface ScaffoldInput {
  templates: Templates;
  profile: ProfileName;
  catalog: ModelCatalog;
  /** Current text of the files init may touch (pathsToRead), by relative path; absent: no such file. */
  existing: Readonly<Record<string, string>>;
  facts: ScaffoldFacts;
  groups: readonly FileGroup[];
  force: boolean;
  /** cctier's version, pinned in the pre-commit hook. */
  version: string;
}

export interface ScaffoldPlan {
  profile: ProfileName;
  files: PlannedFile[];
  /** Files that stop init (a broken settings file): nothing may be written. */
  problems: PlanProblem[];
  notes: string[];
  /** The tiers the written files follow: the tier file's after the merge. */
  tiers: TierPlan;
}

type Json = Record<string, unknown>;

export function agentPath(name: string): string {
  return `${AGENTS_DIR}/${name}.md`;
}

/** Every file the planner may read, for the caller to load into `existing`. */
export function pathsToRead(templates: Templates): string[] {
  return [TIER_FILE, SETTINGS_FILE, ...Object.keys(templates.agents).map(agentPath), GITIGNORE, ...hookPaths(templates.preCommit)];
}

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

type Existing = { kind: 'absent' } | { kind: 'blank'; text: string } | { kind: 'object'; text: string; value: Json } | { kind: 'broken'; message: string };

/** An existing JSON file as init may use it: absent, blank (written afresh), an object, or broken (init stops). */
function existingJson(text: string | undefined): Existing {
  if (text === undefined) return { kind: 'absent' };
  if (text.trim() === '') return { kind: 'blank', text };
  if (text.charCodeAt(0) === 0xfeff) return { kind: 'broken', message: 'it starts with a byte-order mark, which Claude Code cannot parse; `cctier lint --fix` removes it' };
  const parsed = parseJson(text);
  if (parsed.problems.length > 0 || parsed.value === undefined) {
    const first = parsed.problems[0]?.message ?? 'it is not valid JSON';
    return { kind: 'broken', message: `it is not strict JSON (${first.replace(/\.$/, '')}); fix it (\`cctier lint --fix\` fixes some of this) and run init again` };
  }
  if (!isObject(parsed.value)) return { kind: 'broken', message: 'it is not a JSON object ({ ... }); fix it and run init again' };
  return { kind: 'object', text, value: parsed.value };
}

/** Merge strategies from the schema (x-merge), as Claude Code's own merge uses them; `whole` adds our own. */
function schemaPolicy(doc: ShapeDoc, root: Json, whole: readonly string[], force: boolean) {
  return {
    force,
    isUnion: (pointer: string) => {
      const merge = annotationAt(doc, pointer, root, 'x-merge');
      return merge === undefined || merge === 'union' || merge === 'managed-replaces';
    },
    isWhole: (pointer: string) => {
      if (whole.includes(pointer)) return true;
      const merge = annotationAt(doc, pointer, root, 'x-merge');
      return merge === 'whole' || merge === 'replace';
    },
  };
}

function modelWords(ref: unknown, catalog: ModelCatalog): string {
  if (typeof ref !== 'string') return valuePreview(ref);
  return `${JSON.stringify(ref)} (${describeResolution(resolveModel(ref, catalog))})`;
}

/** A value as a plan line shows it: models named, tier sets summarised, lists written out. */
function show(pointer: string, value: unknown, catalog: ModelCatalog): string {
  if (pointer === '/$schema' && typeof value === 'string') return JSON.stringify(value);
  if (/(^|\/)(defaultModel|maxModelForRoutineTasks|model)$/.test(pointer)) return modelWords(value, catalog);
  if (pointer === '/tiers' && isObject(value)) {
    return Object.entries(value)
      .map(([name, t]) => `${name} on ${isObject(t) ? valuePreview(t.model) : valuePreview(t)}`)
      .join(', ');
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.map((v) => JSON.stringify(v)).join(', ');
  if (isObject(value)) return Object.keys(value).length ? `{ ${Object.keys(value).join(', ')} }` : '{}';
  return valuePreview(value);
}

function mergeLines(m: MergeResult, profile: ProfileName, catalog: ModelCatalog): { changes: string[]; kept: string[] } {
  const changes: string[] = [];
  for (const a of m.added) changes.push(`add ${pointerLabel(a.pointer)}: ${show(a.pointer, a.proposed, catalog)}`);
  const appended = new Map<string, unknown[]>();
  for (const a of m.appended) appended.set(a.pointer, [...(appended.get(a.pointer) ?? []), a.proposed]);
  for (const [pointer, items] of appended) changes.push(`add to ${pointerLabel(pointer)}: ${show(pointer, items, catalog)}`);
  for (const r of m.replaced) changes.push(`replace ${pointerLabel(r.pointer)}: ${show(r.pointer, r.current, catalog)} -> ${show(r.pointer, r.proposed, catalog)}`);
  const kept = m.kept.map((k: ValueChange) => `${pointerLabel(k.pointer)} stays ${show(k.pointer, k.current, catalog)}; the ${profile} profile has ${show(k.pointer, k.proposed, catalog)} (--force replaces it)`);
  return { changes, kept };
}

function planned(path: string, group: FileGroup, before: string | undefined, after: string, changes: string[], kept: string[], lintAs?: LintAs): PlannedFile {
  const action: Action = before === undefined ? 'create' : before === after ? 'unchanged' : 'update';
  return { path, group, action, ...(before !== undefined ? { before } : {}), after, changes: action === 'unchanged' ? [] : changes, kept, diff: unifiedDiff(path, before, after), ...(lintAs ? { lintAs } : {}) };
}

/** Writes a proposed JSON value into a file: fresh when absent or blank, merged when it exists. */
function planJson(path: string, group: FileGroup, lintAs: LintAs, doc: ShapeDoc, current: Existing, proposed: Json, whole: readonly string[], input: ScaffoldInput, freshSummary: string[]): PlannedFile | PlanProblem {
  if (current.kind === 'broken') return { path, message: current.message };
  if (current.kind !== 'object') return planned(path, group, current.kind === 'blank' ? current.text : undefined, jsonText(proposed), freshSummary, [], lintAs);
  const merged = mergeJsonText(current.text, proposed, schemaPolicy(doc, current.value, whole, input.force));
  const { changes, kept } = mergeLines(merged, input.profile, input.catalog);
  return planned(path, group, current.text, merged.text, changes, kept, lintAs);
}

function isProblem(x: PlannedFile | PlanProblem): x is PlanProblem {
  return 'message' in x;
}

/** The tier an agent template runs on: the tier of its name in the plan, else where its description routes. */
function agentTierDef(template: { tier: string; text: string }, plan: TierPlan, catalog: ModelCatalog): TierDef {
  const named = plan.tiers.find((t) => t.name === template.tier);
  if (named) return named;
  const parsed = parseAgentFile(renderAgent(template.text, 'inherit'));
  const routed = parsed.ok ? agentTier(parsed.agent, plan, catalog) : undefined;
  return routed?.tier ?? plan.tiers.find((t) => t.name === plan.routine) ?? plan.tiers[0]!;
}

export function planScaffold(input: ScaffoldInput): ScaffoldPlan {
  const { templates, catalog, existing, facts } = input;
  const profile = templates.profiles[input.profile];
  if (!profile) throw new Error(`no profile named "${input.profile}"`);
  const groups = new Set(input.groups);
  const files: PlannedFile[] = [];
  const problems: PlanProblem[] = [];
  const notes: string[] = [];
  const add = (x: PlannedFile | PlanProblem | undefined) => {
    if (!x) return;
    if (isProblem(x)) problems.push(x);
    else files.push(x);
  };

  // The tier file first: everything else follows the tiers it ends up with.
  const tierCurrent = existingJson(existing[TIER_FILE]);
  const proposedTiers = tierFileValue(profile, templates.tierFile, catalog);
  let tierValue: unknown = tierCurrent.kind === 'object' ? tierCurrent.value : undefined;
  if (groups.has('tier-file')) {
    const summary = [`the ${profile.name} profile: ${profile.summary}`, `defaultModel ${show('/defaultModel', proposedTiers.defaultModel, catalog)}, routine cap ${show('/maxModelForRoutineTasks', proposedTiers.maxModelForRoutineTasks, catalog)}`, `tiers: ${show('/tiers', proposedTiers.tiers, catalog)}`];
    const f = planJson(TIER_FILE, 'tier-file', 'tier-file', 'tierFile', tierCurrent, proposedTiers, ['/tiers'], input, summary);
    add(f);
    if (!isProblem(f)) tierValue = JSON.parse(f.after) as unknown;
  } else if (tierCurrent.kind === 'broken' && groups.has('settings')) {
    // The settings follow the tier file; a broken one cannot say what to follow.
    problems.push({ path: TIER_FILE, message: tierCurrent.message });
  }
  const tiers = tierPlan(tierValue ?? proposedTiers);
  const defaultRef = tiers.defaultModel ?? profileDefault(profile, catalog);

  if (groups.has('settings')) {
    const model = claudeCodeModel(defaultRef, catalog);
    const proposed = settingsValue(templates.settings, model, facts.project.commands);
    const perms = isObject(proposed.permissions) ? proposed.permissions : {};
    const count = (k: string) => (Array.isArray(perms[k]) ? (perms[k] as unknown[]).length : 0);
    const summary = [
      `model ${show('/model', model, catalog)}, the tier file's defaultModel`,
      `permissions: allow ${count('allow')} project command${count('allow') === 1 ? '' : 's'}, ask ${count('ask')}, deny ${count('deny')}`,
    ];
    add(planJson(SETTINGS_FILE, 'settings', 'settings', 'settings', existingJson(existing[SETTINGS_FILE]), proposed, [], input, summary));
    if (facts.project.commands.length === 0) {
      notes.push('No test, lint or build commands were found (package.json scripts, Makefile, pyproject.toml, go.mod, Cargo.toml), so permissions.allow is left for you: add exact commands such as "Bash(make test)".');
    }
  }

  if (groups.has('agents')) {
    for (const name of profile.agents) {
      const template = templates.agents[name];
      if (!template) throw new Error(`profile ${profile.name}: no agent template named "${name}"`);
      const tier = agentTierDef(template, tiers, catalog);
      const model = claudeCodeModel(tier.model, catalog);
      const text = renderAgent(template.text, model);
      const path = agentPath(name);
      const before = existing[path];
      if (before !== undefined && before !== text && !input.force) {
        files.push(planned(path, 'agents', before, before, [], [`exists with other content and stays; init's version runs on ${show('/model', model, catalog)}, the ${tier.name} tier (--force replaces the file)`], 'agent'));
        continue;
      }
      files.push(planned(path, 'agents', before, text, [before === undefined ? `subagent on the ${tier.name} tier: model ${show('/model', model, catalog)}` : `replace with init's version (model ${show('/model', model, catalog)})`], [], 'agent'));
    }
  }

  if (groups.has('gitignore')) {
    const before = existing[GITIGNORE];
    const g = planGitignore(before, facts.localSettingsIgnored, templates.gitignore);
    notes.push(...g.notes);
    if (before !== undefined || g.after !== '') files.push(planned(GITIGNORE, 'gitignore', before, g.after, g.changes, []));
  }

  if (groups.has('pre-commit')) {
    const h = planHook({ existing, huskyDir: facts.huskyDir, version: input.version }, templates.preCommit);
    if (!h.ok) problems.push({ path: h.path, message: h.message });
    else {
      const before = existing[h.change.path];
      files.push(planned(h.change.path, 'pre-commit', before, h.change.after, h.change.changes, []));
      if (before !== h.change.after) notes.push(...h.change.notes);
    }
  }

  return { profile: profile.name, files, problems, notes, tiers };
}
