/**
 * `cctier init`: writes tiered defaults into a git repository (claude_settings.json, .claude/settings.json,
 * subagents, .gitignore, optionally the pre-commit hook) without damaging what is there. The plan comes
 * from the pure planner in core/scaffold; this module reads the repository, asks (on a terminal), lints
 * everything planned exactly as `cctier lint` would, and writes all files or none.
 */

import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError, loadConfig, type CctierConfig } from '../core/config/load';
import type { Diagnostic, FileResult } from '../core/diagnostic';
import { lintBytes, type LintSettings } from '../core/lint/lint-text';
import { normalizeSeverities } from '../core/lint/severity';
import { applySuppressions } from '../core/lint/suppress';
import { CATALOG, type ModelCatalog } from '../core/models/catalog';
import { allRuleMeta } from '../core/rules/registry';
import { forgetTierFiles } from '../core/models/repo-tier-file';
import { catalogForConfig } from '../core/models/team';
import { AGENT_ABOVE_TIER, checkAgentFile } from '../core/scaffold/agent-tier';
import { detectProject, diskFiles } from '../core/scaffold/detect';
import { DEFAULT_GROUPS, FILE_GROUPS, pathsToRead, planScaffold, TIER_FILE, type FileGroup, type PlannedFile, type ScaffoldPlan } from '../core/scaffold/plan';
import { builtinTemplates, DEFAULT_PROFILE, PROFILE_NAMES, type ProfileName, type Templates } from '../core/scaffold/templates';
import { roleFromPath } from '../core/scope';
import { decode } from '../core/source';
import { closest, didYouMean } from '../core/text/suggest';
import { EXIT_OK, EXIT_USAGE, UsageError, version, type ExitCode, type Io } from './io';

export interface InitOptions {
  /** Where to start looking for the repository (default: the working directory). */
  dir?: string;
  profile?: ProfileName;
  /** Names from --only: groups or the files they write. */
  only?: readonly string[];
  /** --pre-commit / --no-pre-commit; undefined: ask on a terminal, else no. */
  preCommit?: boolean;
  force: boolean;
  dryRun: boolean;
  /** Ask nothing: take the flags and the defaults. */
  yes: boolean;
  config?: string;
  useConfig: boolean;
}

/** Asks one question on the terminal and returns the answer; the CLI builds it on node:readline/promises. */
export type Ask = (question: string) => Promise<string>;

/** Every name --only accepts, for each group. */
const GROUP_NAMES: Readonly<Record<string, FileGroup>> = {
  'tier-file': 'tier-file',
  tiers: 'tier-file',
  'claude_settings.json': 'tier-file',
  settings: 'settings',
  '.claude/settings.json': 'settings',
  agents: 'agents',
  '.claude/agents': 'agents',
  gitignore: 'gitignore',
  '.gitignore': 'gitignore',
  'pre-commit': 'pre-commit',
  '.pre-commit-config.yaml': 'pre-commit',
};

const GROUP_LABELS: Readonly<Record<FileGroup, string>> = {
  'tier-file': 'claude_settings.json (the tier file)',
  settings: '.claude/settings.json (model and permissions)',
  agents: '.claude/agents (subagents on the quick and critical tiers)',
  gitignore: '.gitignore (ignore .claude/settings.local.json)',
  'pre-commit': 'the cctier pre-commit hook',
};

class InitError extends Error {}

export function parseGroups(names: readonly string[]): FileGroup[] {
  const groups = new Set<FileGroup>();
  for (const raw of names.flatMap((n) => n.split(',')).map((n) => n.trim()).filter(Boolean)) {
    const name = raw.replace(/\/+$/, '').replace(/^\.\//, '');
    const group = GROUP_NAMES[name];
    if (!group) {
      const guess = closest(name, Object.keys(GROUP_NAMES));
      throw new UsageError(`--only: "${raw}" is not something init writes${guess ? `; did you mean "${guess}"?` : ''} (choose from ${FILE_GROUPS.join(', ')})`);
    }
    groups.add(group);
  }
  return FILE_GROUPS.filter((g) => groups.has(g));
}

type Env = Io['env'];

function gitRoot(dir: string, env: Env): string {
  const r = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, env: env as NodeJS.ProcessEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
  if (r.error) throw new InitError(`cannot run git (${r.error.message}); init needs git to find the repository root and what it ignores.`);
  if (r.status !== 0 || !r.stdout.trim()) {
    throw new InitError(`${dir} is not inside a git repository. init writes files a team commits and shares, so it works in a repository: run \`git init\` first, or run init inside the repository.`);
  }
  return path.resolve(r.stdout.trim());
}

/** git's own answer, negations and core.excludesFile included; --no-index so a tracked file still counts by its patterns. */
function gitIgnores(root: string, rel: string, env: Env): boolean {
  const r = spawnSync('git', ['check-ignore', '-q', '--no-index', '--', rel], { cwd: root, env: env as NodeJS.ProcessEnv, stdio: 'ignore', windowsHide: true });
  return r.status === 0;
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The current text of every file the planner may touch. A file init could only damage stops it. */
function readExisting(root: string, paths: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of paths) {
    const abs = path.join(root, rel);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      continue;
    }
    if (stat.isDirectory()) throw new InitError(`${rel} is a directory where init expects a file; move it away and run init again.`);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(abs);
    } catch (err) {
      throw new InitError(`cannot read ${rel}: ${(err as Error).message}`);
    }
    const decoded = decode(bytes);
    const bad = decoded.problems.find((p) => p.kind === 'binary' || p.kind === 'invalid-utf8');
    if (bad) throw new InitError(`${rel} is not UTF-8 text, so init will not edit it; fix or remove it and run init again.`);
    out[rel] = decoded.problems.some((p) => p.kind === 'bom') ? '\uFEFF' + decoded.text : decoded.text;
  }
  return out;
}

interface Loaded {
  config: CctierConfig;
  configPath?: string;
  catalog: ModelCatalog;
}

/** The team's cctier config, refused as `cctier lint` refuses it (a rule id nobody knows is a typo). */
function loadTeamConfig(root: string, opts: InitOptions): Loaded {
  if (!opts.useConfig) return { config: {}, catalog: CATALOG };
  try {
    const { config, filepath } = loadConfig(root, opts.config);
    const known = allRuleMeta();
    for (const id of [...Object.keys(config.rules ?? {}), ...(config.suppressions ?? []).map((x) => x.rule)]) {
      if (!known.has(id) && id !== AGENT_ABOVE_TIER) throw new UsageError(`config ${filepath ?? ''} names an unknown rule "${id}"${didYouMean(id, known.keys())}`);
    }
    return { config, ...(filepath ? { configPath: filepath } : {}), catalog: config.models ? catalogForConfig(config.models, filepath) : CATALOG };
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(`config ${err.filepath} ${err.message}`);
    throw err;
  }
}

/** What the config's suppressions accept is not a problem, for init as for lint. */
function unsuppressed(ds: Array<Diagnostic & { path: string }>, loaded: Loaded, root: string): Array<Diagnostic & { path: string }> {
  const suppressions = loaded.config.suppressions ?? [];
  if (suppressions.length === 0 || ds.length === 0) return ds;
  const byFile = new Map<string, FileResult>();
  for (const d of ds) {
    const r = byFile.get(d.file) ?? { file: d.file, diagnostics: [] };
    r.diagnostics.push(d);
    byFile.set(d.file, r);
  }
  const base = loaded.configPath ? path.dirname(loaded.configPath) : root;
  return applySuppressions([...byFile.values()], suppressions, base).flatMap((r) => r.diagnostics as Array<Diagnostic & { path: string }>);
}

interface LintVerdict {
  /** Errors the planned files would have that they do not have today. */
  errors: Array<Diagnostic & { path: string }>;
  warnings: Array<Diagnostic & { path: string }>;
}

/**
 * Lints the planned files as `cctier lint` would lint them in the repository. Rules that look beside a file
 * (the tier file that governs .claude/settings.json) must see the planned files, not today's, so each state
 * is laid out in a scratch copy under the temp directory. Problems a file already had are not init's to
 * answer for; only new ones count.
 */
function lintPlan(plan: ScaffoldPlan, root: string, existing: Readonly<Record<string, string>>, settings: LintSettings, catalog: ModelCatalog): LintVerdict {
  const lintable = plan.files.filter((f) => f.lintAs === 'settings' || f.lintAs === 'tier-file');
  const after = (f: PlannedFile) => f.after;
  const state = (pick: (f: PlannedFile) => string | undefined) => {
    const files: Record<string, string> = {};
    if (existing[TIER_FILE] !== undefined) files[TIER_FILE] = existing[TIER_FILE];
    for (const f of lintable) {
      const text = pick(f);
      if (text !== undefined) files[f.path] = text;
      else delete files[f.path];
    }
    return files;
  };
  const now = lintState(state(after), lintable.map((f) => f.path), root, settings);
  const errors: LintVerdict['errors'] = [];
  const warnings: LintVerdict['warnings'] = [];
  const had = lintable.some((f) => f.before !== undefined && now.some((d) => d.path === f.path))
    ? lintState(state((f) => f.before), lintable.filter((f) => f.before !== undefined).map((f) => f.path), root, settings)
    : [];
  const key = (d: Diagnostic & { path: string }) => `${d.path}\u0000${d.ruleId}\u0000${d.pointer}`;
  const before = new Set(had.map(key));
  for (const d of now) {
    if (before.has(key(d))) continue;
    (d.severity === 'error' ? errors : warnings).push(d);
  }
  for (const f of plan.files.filter((x) => x.lintAs === 'agent' && x.before !== x.after)) {
    for (const d of checkAgentFile(path.join(root, f.path), f.after, plan.tiers, catalog, settings.severities.get(AGENT_ABOVE_TIER) === 'error' ? 'error' : 'warning')) {
      if (settings.severities.get(AGENT_ABOVE_TIER) === 'off') continue;
      (d.severity === 'error' ? errors : warnings).push({ ...d, path: f.path });
    }
  }
  return { errors, warnings };
}

function lintState(files: Readonly<Record<string, string>>, targets: readonly string[], root: string, settings: LintSettings): Array<Diagnostic & { path: string }> {
  if (targets.length === 0) return [];
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cctier-init-'));
  // The repository's own folder name: some rules read it (a dotfiles repository's claude_settings.json).
  const repo = path.join(scratch, path.basename(root) || 'repo');
  try {
    fs.mkdirSync(path.join(repo, '.git'), { recursive: true });
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
      fs.writeFileSync(path.join(repo, rel), text);
    }
    forgetTierFiles();
    const out: Array<Diagnostic & { path: string }> = [];
    for (const rel of targets) {
      const abs = path.join(repo, rel);
      if (!fs.existsSync(abs)) continue;
      const result = lintBytes(abs, fs.readFileSync(abs), roleFromPath(abs), settings);
      for (const d of result.diagnostics) out.push({ ...d, file: path.join(root, rel), path: rel });
    }
    return out;
  } finally {
    forgetTierFiles();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

const ACTION_LABEL: Readonly<Record<string, string>> = { create: 'create', update: 'update', unchanged: 'unchanged', keep: 'keep' };

function planText(plan: ScaffoldPlan, root: string, verdict: LintVerdict): string {
  const lines: string[] = [`cctier init: the ${plan.profile} profile, in ${root}`, ''];
  for (const f of plan.files) {
    const action = f.action === 'unchanged' && f.kept.length > 0 ? 'keep' : f.action;
    lines.push(`  ${ACTION_LABEL[action]!.padEnd(10)} ${f.path}`);
    for (const c of f.changes) lines.push(`             ${c}`);
    for (const k of f.kept) lines.push(`             kept: ${k}`);
  }
  if (verdict.warnings.length > 0) {
    lines.push('', 'cctier lint will warn about the result:');
    for (const d of verdict.warnings) lines.push(`  ${d.path}:${d.line}:${d.column}  ${d.message}  ${d.ruleId}`);
  }
  if (plan.notes.length > 0) {
    lines.push('', 'Notes:');
    for (const n of plan.notes) lines.push(`  - ${n}`);
  }
  return lines.join('\n') + '\n';
}

async function choose(ask: Ask, question: string, accept: (answer: string) => boolean): Promise<string> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const answer = (await ask(question)).trim();
    if (accept(answer)) return answer;
  }
  throw new UsageError('no usable answer after three tries; run init again, or pass the choices as flags (--profile, --only, --pre-commit, --yes).');
}

const YES = /^(y|yes)$/i;
const NO = /^(n|no)$/i;

interface Choices {
  profile: ProfileName;
  groups: FileGroup[];
}

async function askChoices(ask: Ask, opts: InitOptions, templates: Templates): Promise<Choices> {
  let profile = opts.profile;
  if (!profile) {
    const menu = PROFILE_NAMES.map((n, i) => `  ${i + 1}. ${n}${n === DEFAULT_PROFILE ? ' (default)' : ''}: ${templates.profiles[n].summary}`).join('\n');
    const answer = await choose(ask, `Profile:\n${menu}\nChoose 1-${PROFILE_NAMES.length} or a name [${DEFAULT_PROFILE}]: `, (a) => a === '' || PROFILE_NAMES.includes(a as ProfileName) || /^[1-9]$/.test(a) && Number(a) <= PROFILE_NAMES.length);
    profile = answer === '' ? DEFAULT_PROFILE : /^\d$/.test(answer) ? PROFILE_NAMES[Number(answer) - 1]! : (answer as ProfileName);
  }
  let groups: FileGroup[];
  if (opts.only?.length) groups = parseGroups(opts.only);
  else {
    const menu = DEFAULT_GROUPS.map((g, i) => `  ${i + 1}. ${GROUP_LABELS[g]}`).join('\n');
    const answer = await choose(ask, `Files:\n${menu}\nWhich ones (numbers, e.g. 1,2) [all]: `, (a) => a === '' || a.split(/[\s,]+/).every((n) => /^\d+$/.test(n) && Number(n) >= 1 && Number(n) <= DEFAULT_GROUPS.length));
    groups = answer === '' ? [...DEFAULT_GROUPS] : DEFAULT_GROUPS.filter((_, i) => answer.split(/[\s,]+/).map(Number).includes(i + 1));
  }
  let preCommit = opts.preCommit;
  if (preCommit === undefined && !groups.includes('pre-commit')) {
    const answer = await choose(ask, 'Add the cctier pre-commit hook (pre-commit, lint-staged or husky, whichever the repository uses)? [y/N] ', (a) => a === '' || YES.test(a) || NO.test(a));
    preCommit = YES.test(answer);
  }
  if (preCommit && !groups.includes('pre-commit')) groups.push('pre-commit');
  if (preCommit === false) groups = groups.filter((g) => g !== 'pre-commit');
  return { profile, groups };
}

function flagChoices(opts: InitOptions): Choices {
  let groups = opts.only?.length ? parseGroups(opts.only) : [...DEFAULT_GROUPS];
  if (opts.preCommit && !groups.includes('pre-commit')) groups.push('pre-commit');
  if (opts.preCommit === false) groups = groups.filter((g) => g !== 'pre-commit');
  return { profile: opts.profile ?? DEFAULT_PROFILE, groups };
}

interface Staged {
  target: string;
  temp: string;
}

/**
 * Writes every file or none: all temp files first (beside their targets, so each rename stays on one file
 * system), then every rename. A failure while writing temp files removes them and any folder made for them.
 */
function writeAll(root: string, files: readonly PlannedFile[]): void {
  const staged: Staged[] = [];
  const madeDirs: string[] = [];
  const stamp = randomBytes(4).toString('hex');
  try {
    for (const f of files) {
      let target = path.join(root, f.path);
      let mode: number | undefined;
      if (f.before !== undefined) {
        // Through a symbolic link to the file it names: replacing the link itself would cut it off.
        target = fs.realpathSync(target);
        mode = fs.statSync(target).mode & 0o7777;
      }
      const dir = path.dirname(target);
      if (!fs.existsSync(dir)) {
        const first = fs.mkdirSync(dir, { recursive: true });
        if (first) madeDirs.push(first);
      }
      const temp = path.join(dir, `.${path.basename(target)}.cctier-${stamp}.tmp`);
      staged.push({ target, temp });
      fs.writeFileSync(temp, f.after, mode !== undefined ? { mode } : {});
      if (mode !== undefined) fs.chmodSync(temp, mode);
    }
  } catch (err) {
    for (const s of staged) removeQuietly(s.temp);
    for (const d of madeDirs.reverse()) removeQuietly(d);
    throw new InitError(`cannot write in ${root}: ${describeWriteError(err)}. Nothing was written.`);
  }
  for (const s of staged) fs.renameSync(s.temp, s.target);
}

/** Cleanup after a failed write: a path that cannot be removed (its folder is gone or is a file) is not there. */
function removeQuietly(p: string): void {
  try {
    fs.rmSync(p, { recursive: true, force: true });
  } catch {
    // Nothing was created there.
  }
}

function describeWriteError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'EACCES' || e.code === 'EPERM') return `permission denied (${e.path ?? 'a file'})`;
  if (e.code === 'EROFS') return 'the file system is read-only';
  if (e.code === 'ENOSPC') return 'no space left on the device';
  return e.message;
}

function relPath(p: string): string {
  return p.split(path.sep).join('/');
}

export async function run(opts: InitOptions, io: Io, ask?: Ask): Promise<ExitCode> {
  try {
    return await init(opts, io, ask);
  } catch (err) {
    if (err instanceof InitError) {
      io.stderr(`cctier init: ${err.message}\n`);
      return EXIT_USAGE;
    }
    throw err;
  }
}

async function init(opts: InitOptions, io: Io, ask?: Ask): Promise<ExitCode> {
  const start = path.resolve(io.cwd, opts.dir ?? '.');
  if (!isDirectory(start)) throw new InitError(`${start} is not a directory.`);
  const root = gitRoot(start, io.env);
  const templates = builtinTemplates();
  const interactive = !opts.yes && !opts.dryRun;
  if (interactive && !ask) {
    throw new InitError('there is no terminal to ask on. Pass --yes to accept the defaults (with --profile, --only and --pre-commit to choose), or --dry-run to see the plan first.');
  }
  const choices = interactive ? await askChoices(ask!, opts, templates) : flagChoices(opts);
  const loaded = loadTeamConfig(root, opts);
  const { config, catalog } = loaded;
  const existing = readExisting(root, pathsToRead(templates));
  const plan = planScaffold({
    templates,
    profile: choices.profile,
    catalog,
    existing,
    facts: {
      project: detectProject(diskFiles(root), templates.commands),
      localSettingsIgnored: gitIgnores(root, templates.gitignore.path, io.env),
      huskyDir: isDirectory(path.join(root, '.husky')),
    },
    groups: choices.groups,
    force: opts.force,
    version: version(),
  });
  if (plan.problems.length > 0) {
    const list = plan.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n');
    throw new InitError(`cannot merge into ${plan.problems.length === 1 ? 'this file' : 'these files'}, so nothing was written:\n${list}`);
  }
  const settings: LintSettings = { severities: normalizeSeverities(config.rules), strict: config.strict ?? false, catalog };
  const linted = lintPlan(plan, root, existing, settings, catalog);
  const verdict = { errors: unsuppressed(linted.errors, loaded, root), warnings: unsuppressed(linted.warnings, loaded, root) };
  if (verdict.errors.length > 0) {
    const list = verdict.errors.map((d) => `  ${d.path}:${d.line}:${d.column}  ${d.message}  ${d.ruleId}`).join('\n');
    throw new InitError(
      `what init would write fails cctier lint, so nothing was written:\n${list}\nIf your cctier config raises these rules to errors, adjust it or pass --only to leave these files out; otherwise this is a bug in cctier init.`,
    );
  }
  const changed = plan.files.filter((f) => f.action !== 'unchanged');
  io.stdout(planText(plan, relPath(root), verdict));
  if (opts.dryRun) {
    const diffs = changed.map((f) => f.diff).join('');
    io.stdout(`${diffs ? '\n' + diffs : ''}\nDry run: nothing was written.\n`);
    return EXIT_OK;
  }
  if (changed.length === 0) {
    io.stdout('\nNothing to change.\n');
    return EXIT_OK;
  }
  if (interactive) {
    const answer = await choose(ask!, `\nWrite ${changed.length} file${changed.length === 1 ? '' : 's'}? [Y/n] `, (a) => a === '' || YES.test(a) || NO.test(a));
    if (NO.test(answer)) {
      io.stdout('Nothing was written.\n');
      return EXIT_OK;
    }
  }
  writeAll(root, changed);
  io.stdout(`\nWrote ${changed.map((f) => f.path).join(', ')}.\nNext: \`npx cctier lint\` checks them; commit them so the whole team starts on the same tiers.\n`);
  return EXIT_OK;
}
