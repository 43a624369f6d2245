/**
 * `cctier policy check [dir]`, `cctier policy export --managed [--out DIR] [--dropin NAME]` and
 * `cctier policy explain [dir]`, plus what `cctier lint --policy` adds to a lint run. The policy comes from
 * --policy (a path or an npm package, from the working directory) or from `policy` in cctier config (from
 * the config file's folder).
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import { countBySeverity, type Diagnostic, type FileResult } from '../core/diagnostic';
import { ConfigError, loadConfig, type CctierConfig } from '../core/config/load';
import { resolveTeamLayers, type TeamLayerSource } from '../core/layers/team-layers';
import { lintBytes } from '../core/lint/lint-text';
import { normalizeSeverities, type RuleSeverities } from '../core/lint/severity';
import { applySuppressions } from '../core/lint/suppress';
import { CATALOG, type ModelCatalog } from '../core/models/catalog';
import { catalogForConfig } from '../core/models/team';
import { shortPath, sourceLabel } from '../core/policy/describe';
import { evaluatePolicy } from '../core/policy/evaluate';
import { explainPolicy } from '../core/policy/explain';
import { exportManaged } from '../core/policy/export';
import { loadPolicy } from '../core/policy/load';
import { mergePolicies } from '../core/policy/merge';
import type { MergedPolicy, PolicySource } from '../core/policy/model';
import { readRepository } from '../core/policy/repository';
import { allRuleMeta } from '../core/rules/registry';
import { roleFromPath } from '../core/scope';
import { loadFormatter, type FormatName } from '../formatters';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError, useColor, version, type ExitCode, type Io } from './io';
import { writeFileAtomic } from './write-file';

export type PolicyAction = 'check' | 'export' | 'explain';
export const POLICY_ACTIONS: readonly PolicyAction[] = ['check', 'export', 'explain'];

export interface PolicyCommandOptions {
  action: PolicyAction;
  dir?: string;
  /** --policy: a path or an npm package; default: `policy` in cctier config. */
  policy?: string;
  config?: string;
  useConfig: boolean;
  format: FormatName;
  color?: boolean;
  /** export: the only target so far. */
  managed?: boolean;
  out?: string;
  dropin?: string;
  /** YYYY-MM-DD; default today (local time). Tests set it. */
  today?: string;
}

/** A policy that cannot be used: its diagnostics are printed, and the command exits 2. */
export class PolicyError extends UsageError {
  constructor(readonly diagnostics: readonly Diagnostic[], io: Pick<Io, 'cwd'>) {
    super(`the policy cannot be used:\n${diagnostics.map((d) => `  ${shortPath(d.file, io.cwd)}:${d.line}:${d.column} ${d.message} (${d.ruleId})`).join('\n')}`);
  }
}

interface Context {
  config: CctierConfig;
  configPath?: string;
  policy: MergedPolicy;
  /** Conflicts between policy layers (policy/locked-key in a policy file). */
  conflicts: Diagnostic[];
  catalog?: ModelCatalog;
  severities: RuleSeverities;
  team: TeamLayerSource[];
}

export async function run(opts: PolicyCommandOptions, io: Io): Promise<ExitCode> {
  const dir = path.resolve(io.cwd, opts.dir ?? '.');
  if (!isDirectory(dir)) throw new UsageError(`${opts.dir ?? '.'} is not a directory; name the repository to check`);
  let ctx: Context;
  try {
    ctx = loadContext(io, dir, opts.policy, opts.config, opts.useConfig);
  } catch (err) {
    if (!(err instanceof PolicyError) || opts.format === 'stylish' || opts.action !== 'check') throw err;
    // Machine formats still get the policy's own problems as results, so CI can show them.
    write(io, format(opts, io, byFile(err.diagnostics)));
    return EXIT_USAGE;
  }
  switch (opts.action) {
    case 'check':
      return check(opts, io, dir, ctx);
    case 'explain':
      return explain(opts, io, ctx);
    case 'export':
      return exportCommand(opts, io, ctx);
  }
}

function check(opts: PolicyCommandOptions, io: Io, dir: string, ctx: Context): ExitCode {
  const results = evaluateDir(dir, ctx, io, opts.today);
  write(io, format(opts, io, results));
  return countBySeverity(results).errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

/** The policy's results for one directory: its violations, the policy's own conflicts, and files that could not be read. */
function evaluateDir(dir: string, ctx: Context, io: Pick<Io, 'env'>, today = localDate()): FileResult[] {
  const repo = readRepository(dir, { team: ctx.team, home: io.env.HOME || undefined });
  const results = evaluatePolicy(ctx.policy, repo.view, { today, catalog: ctx.catalog, severities: ctx.severities });
  const merged = mergeResults(mergeResults(results, conflictResults(ctx)), byFile(repo.diagnostics));
  return applySuppressions(merged, ctx.config.suppressions ?? [], ctx.configPath ? path.dirname(ctx.configPath) : dir);
}

function conflictResults(ctx: Context): FileResult[] {
  return byFile(ctx.conflicts.filter((d) => ctx.severities.get(d.ruleId) !== 'off').map((d) => ({ ...d, severity: (ctx.severities.get(d.ruleId) as Diagnostic['severity'] | undefined) ?? d.severity })));
}

function explain(opts: PolicyCommandOptions, io: Io, ctx: Context): ExitCode {
  const rules = explainPolicy(ctx.policy, ctx.catalog ?? CATALOG);
  const where = (s: PolicySource): string => `${s.layer} ${s.policy}: ${shortPath(s.file, io.cwd)}:${s.line}:${s.column}`;
  if (opts.format === 'json') {
    const source = (s: PolicySource) => ({ layer: s.layer, policy: s.policy, file: s.file, line: s.line, column: s.column, pointer: s.pointer });
    write(
      io,
      JSON.stringify(
        {
          layers: ctx.policy.files.map((f) => ({ layer: f.layer, name: f.name, file: f.file })),
          rules: rules.map((r) => ({ what: r.what, value: r.value, source: source(r.source) })),
          overridden: ctx.policy.overridden.map((o) => ({ what: o.what, value: o.value, source: source(o.source), by: source(o.by), reason: o.reason })),
          diagnostics: ctx.conflicts,
        },
        null,
        2,
      ),
    );
    return ctx.conflicts.length ? EXIT_PROBLEMS : EXIT_OK;
  }
  const lines: string[] = ['Policy layers (lowest first):'];
  for (const f of ctx.policy.files) lines.push(`  ${f.layer.padEnd(7)} ${f.name}  ${shortPath(f.file, io.cwd)}`);
  lines.push('');
  if (rules.length === 0) lines.push('The policy sets no rules.');
  const rows = rules.map((r) => [`${r.what}: ${show(r.value)}`, where(r.source)] as const);
  const width = Math.min(64, Math.max(0, ...rows.map(([l]) => l.length)));
  for (const [left, right] of rows) lines.push(`${left.length > width ? left : left.padEnd(width)}  ${right}`);
  if (ctx.policy.overridden.length) {
    lines.push('', 'Overridden:');
    for (const o of ctx.policy.overridden) lines.push(`  ${o.what}: ${show(o.value)} (${where(o.source)}): ${o.reason} (${where(o.by)})`);
  }
  for (const d of ctx.conflicts) lines.push('', `error: ${shortPath(d.file, io.cwd)}:${d.line}:${d.column} ${d.message} (${d.ruleId})`);
  write(io, lines.join('\n'));
  return ctx.conflicts.length ? EXIT_PROBLEMS : EXIT_OK;
}

function exportCommand(opts: PolicyCommandOptions, io: Io, ctx: Context): ExitCode {
  if (!opts.managed) throw new UsageError('policy export needs --managed (managed settings are the only export so far)');
  if (opts.dropin !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(opts.dropin)) {
    throw new UsageError(`--dropin needs a file name such as 50-acme (letters, digits, ".", "_", "-"), not ${JSON.stringify(opts.dropin)}`);
  }
  const { settings, notes } = exportManaged(ctx.policy, ctx.catalog);
  const text = JSON.stringify(settings, null, 2) + '\n';
  const name = opts.dropin === undefined ? 'managed-settings.json' : path.join('managed-settings.d', opts.dropin.endsWith('.json') ? opts.dropin : `${opts.dropin}.json`);
  // What cctier writes must be what cctier accepts: the file is linted as managed settings first.
  const lint = lintBytes(name, Buffer.from(text, 'utf8'), { kind: 'settings', scope: 'managed' }, { strict: true, severities: new Map(), catalog: ctx.catalog });
  const errors = lint.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) {
    throw new UsageError(`the exported managed settings would not be valid, so nothing was written:\n${errors.map((d) => `  ${d.line}:${d.column} ${d.message} (${d.ruleId})`).join('\n')}`);
  }
  const noteLines = notes.map((n) => `  - ${n.what}${n.source ? ` (${sourceLabel(n.source, io.cwd)})` : ''}: ${n.why}`);
  const advisory = noteLines.length ? `Advisory, checked by cctier policy check and cctier lint --policy, not by Claude Code:\n${noteLines.join('\n')}\n` : '';
  if (opts.format === 'json') {
    const file = opts.out ? path.resolve(io.cwd, opts.out, name) : undefined;
    if (file) writeOut(file, text);
    write(io, JSON.stringify({ file, settings, notes: notes.map((n) => ({ what: n.what, why: n.why, source: n.source && { file: n.source.file, line: n.source.line, column: n.source.column } })) }, null, 2));
    return EXIT_OK;
  }
  if (!opts.out) {
    // The settings to stdout (for a pipe or a redirect), the notes to stderr.
    io.stdout(text);
    if (advisory) io.stderr(advisory);
    return EXIT_OK;
  }
  const file = path.resolve(io.cwd, opts.out, name);
  writeOut(file, text);
  io.stdout(`Wrote ${shortPath(file, io.cwd)}: ${Object.keys(settings).join(', ') || 'nothing Claude Code can enforce'}.\n${advisory}`);
  return EXIT_OK;
}

function writeOut(file: string, text: string): void {
  try {
    writeFileAtomic(file, text);
  } catch (err) {
    throw new UsageError(`cannot write ${file}: ${(err as Error).message}`);
  }
}

// ------------------------------------------------------------------------------------ lint --policy

export interface LintPolicyRequest {
  /** The paths lint was given (default "."). */
  inputs: readonly string[];
  /** --policy, or undefined for the config's `policy`. */
  policy?: string;
  config: CctierConfig;
  configPath?: string;
  catalog?: ModelCatalog;
  severities: RuleSeverities;
  today?: string;
}

/**
 * `lint --policy`: the policy evaluated for every repository directory the lint run covered, its
 * diagnostics merged into the lint results (so they flow through every formatter and the exit code).
 * Throws PolicyError (exit 2) for a policy that cannot be used.
 */
export function addPolicyResults(results: readonly FileResult[], req: LintPolicyRequest, io: Io): FileResult[] {
  const spec = policySpec(io, req.policy, req.config, req.configPath);
  if (!spec) return [...results];
  const { policy, conflicts } = readPolicy(spec, io);
  const ctx: Context = { config: req.config, configPath: req.configPath, policy, conflicts, catalog: req.catalog, severities: req.severities, team: teamLayers(req.config, req.configPath) };
  // The policy's own conflicts belong to the run, not to each directory; lint applies suppressions itself.
  const extra = conflictResults(ctx);
  const today = req.today ?? localDate();
  // Files lint already read report their own problems; only the ones it did not (a team layer) are added.
  const linted = new Set(results.map((r) => path.resolve(r.file)));
  for (const dir of repositoryDirs(results, req.inputs, io)) {
    const repo = readRepository(dir, { team: ctx.team, home: io.env.HOME || undefined });
    extra.push(...evaluatePolicy(policy, repo.view, { today, catalog: ctx.catalog, severities: ctx.severities }));
    extra.push(...byFile(repo.diagnostics.filter((d) => !linted.has(path.resolve(d.file)))));
  }
  return mergeResults(results, withoutRepeats(extra));
}

/** One copy of each diagnostic: a waiver or a team file seen from several repositories reports once. */
function withoutRepeats(results: readonly FileResult[]): FileResult[] {
  const seen = new Set<string>();
  const once = <T extends Diagnostic>(d: T): boolean => {
    const k = `${d.file}\0${d.line}\0${d.column}\0${d.ruleId}\0${d.message}`;
    return seen.has(k) ? false : (seen.add(k), true);
  };
  return results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter(once), ...(r.suppressed ? { suppressed: r.suppressed.filter(once) } : {}) }));
}

/**
 * The repositories a lint run covered: the project of every .claude/settings*.json and tier file it linted,
 * and each directory input that is a repository (a git root, or holding .claude or claude_settings.json).
 */
function repositoryDirs(results: readonly FileResult[], inputs: readonly string[], io: Io): string[] {
  const dirs = new Set<string>();
  for (const input of inputs.length ? inputs : ['.']) {
    const abs = path.resolve(io.cwd, input);
    if (isDirectory(abs) && ['.git', '.claude', 'claude_settings.json'].some((n) => fs.existsSync(path.join(abs, n)))) dirs.add(abs);
  }
  for (const r of results) {
    const role = roleFromPath(r.file, io.env.HOME || undefined, io.env.CLAUDE_CONFIG_DIR);
    if (role.kind === 'tier-file') dirs.add(path.dirname(path.resolve(r.file)));
    else if ((role.scope === 'project' || role.scope === 'local') && path.basename(path.dirname(r.file)) === '.claude') dirs.add(path.dirname(path.dirname(path.resolve(r.file))));
  }
  return [...dirs].sort();
}

// ---------------------------------------------------------------------------------------- loading

function loadContext(io: Io, dir: string, policyFlag: string | undefined, configFlag: string | undefined, useConfig: boolean): Context {
  let config: CctierConfig = {};
  let configPath: string | undefined;
  let catalog: ModelCatalog | undefined;
  if (configFlag === '') throw new UsageError('--config needs a file path');
  if (useConfig) {
    try {
      ({ config, filepath: configPath } = loadConfig(dir, configFlag ? path.resolve(io.cwd, configFlag) : undefined));
      if (config.models) catalog = catalogForConfig(config.models, configPath);
    } catch (err) {
      if (err instanceof ConfigError) throw new UsageError(`config ${err.filepath} ${err.message}`);
      throw err;
    }
  }
  const spec = policySpec(io, policyFlag, config, configPath);
  if (!spec) throw new UsageError('no policy: give --policy <file or package>, or set "policy" in cctier config');
  const { policy, conflicts } = readPolicy(spec, io);
  return { config, configPath, policy, conflicts, catalog, severities: normalizeSeverities(config.rules), team: teamLayers(config, configPath) };
}

interface PolicySpec {
  spec: string;
  from: string;
  /** The config file that named it, if any. */
  namedBy?: string;
}

function policySpec(io: Io, flag: string | undefined, config: CctierConfig, configPath: string | undefined): PolicySpec | undefined {
  if (flag === '') throw new UsageError('--policy needs a file path or a package name');
  if (flag !== undefined) return { spec: flag, from: io.cwd };
  if (config.policy !== undefined) return { spec: config.policy, from: configPath ? path.dirname(configPath) : io.cwd, namedBy: configPath };
  return undefined;
}

function readPolicy(spec: PolicySpec, io: Io): { policy: MergedPolicy; conflicts: Diagnostic[] } {
  const loaded = loadPolicy(spec.spec, spec.from, spec.namedBy);
  if (loaded.diagnostics.length) throw new PolicyError(loaded.diagnostics, io);
  const merged = mergePolicies(loaded.files);
  return { policy: merged.policy, conflicts: merged.diagnostics };
}

function teamLayers(config: CctierConfig, configPath: string | undefined): TeamLayerSource[] {
  const setting = (config as { extends?: unknown }).extends;
  return configPath && setting !== undefined ? resolveTeamLayers(configPath, setting).team : [];
}

// ---------------------------------------------------------------------------------------- output

function format(opts: Pick<PolicyCommandOptions, 'format' | 'color'>, io: Io, results: readonly FileResult[]): string {
  return loadFormatter(opts.format)(results, { cwd: io.cwd, color: useColor(io, opts.color), version: version(), rules: allRuleMeta() });
}

function write(io: Io, text: string): void {
  if (text) io.stdout(text.endsWith('\n') ? text : text + '\n');
}

function byFile(diagnostics: readonly Diagnostic[]): FileResult[] {
  const m = new Map<string, FileResult>();
  for (const d of diagnostics) {
    let r = m.get(d.file);
    if (!r) m.set(d.file, (r = { file: d.file, diagnostics: [] }));
    r.diagnostics.push(d);
  }
  return [...m.values()];
}

/** Adds `extra` into `base`, file by file (paths compared resolved), keeping each file's diagnostics in position order. */
export function mergeResults(base: readonly FileResult[], extra: readonly FileResult[]): FileResult[] {
  const out = base.map((r) => ({ ...r, diagnostics: [...r.diagnostics] }));
  const index = new Map(out.map((r, i) => [path.resolve(r.file), i]));
  for (const e of extra) {
    const at = index.get(path.resolve(e.file));
    if (at === undefined) {
      index.set(path.resolve(e.file), out.length);
      out.push({ ...e, diagnostics: [...e.diagnostics] });
      continue;
    }
    const r = out[at]!;
    r.diagnostics.push(...e.diagnostics);
    r.diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
    if (e.suppressed?.length) r.suppressed = [...(r.suppressed ?? []), ...e.suppressed];
  }
  return out;
}

function show(v: unknown): string {
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.map((x) => JSON.stringify(x)).join(', ');
  const s = JSON.stringify(v);
  return s.length > 80 ? s.slice(0, 77) + '…' : s;
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function localDate(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
