/** `cctier lint [paths..]`: validate settings files and report in the chosen format. */

import * as fs from 'node:fs';
import * as path from 'node:path';
import { countBySeverity, type FileResult } from '../core/diagnostic';
import { ConfigError, loadConfig, type CctierConfig } from '../core/config/load';
import { lintPathsParallel } from '../core/lint/parallel';
import type { ModelCatalog } from '../core/models/catalog';
import { catalogForConfig } from '../core/models/team';
import { normalizeSeverities } from '../core/lint/severity';
import { applySuppressions } from '../core/lint/suppress';
import { fixDiff } from './fix-diff';
import { didYouMean } from '../core/text/suggest';
import { allRuleMeta } from '../core/rules/registry';
import type { Scope } from '../core/scope';
import { loadFormatter, type FormatName } from '../formatters';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError, useColor, version, type ExitCode, type Io } from './io';
import { writeFileAtomic } from './write-file';

export interface LintCommandOptions {
  paths: string[];
  format: FormatName;
  outputFile?: string;
  /** Exit 1 when there are more warnings than this (-1: no limit). */
  maxWarnings: number;
  quiet: boolean;
  /** undefined: take the config's `strict` (default false). */
  strict?: boolean;
  scope?: Scope;
  config?: string;
  /** false when --no-config was given. */
  useConfig: boolean;
  color?: boolean;
  /** Write fixes to the files. */
  fix?: boolean;
  /** Compute fixes and report what would remain, writing nothing. */
  fixDryRun?: boolean;
  /** The CLI's own script, to start lint workers from on large runs (tests leave it out: one thread). */
  workerScript?: string;
  /** --policy: also check each repository linted against this policy; undefined: the config's `policy`; false: none. */
  policy?: string | false;
}

/** A rule id the registry does not know is a typo that would silently do nothing: refuse it, as ESLint does. */
function checkRuleIds(config: CctierConfig, configPath: string | undefined): void {
  const known = allRuleMeta();
  const ids = [...Object.keys(config.rules ?? {}), ...(config.suppressions ?? []).map((s) => s.rule)];
  for (const id of ids) {
    if (!known.has(id)) throw new UsageError(`config ${configPath ?? ''} names an unknown rule "${id}"${didYouMean(id, known.keys())}`);
  }
}

export async function run(opts: LintCommandOptions, io: Io): Promise<ExitCode> {
  if (opts.config === '') throw new UsageError('--config needs a file path');
  let config: CctierConfig = {};
  let configPath: string | undefined;
  let catalog: ModelCatalog | undefined;
  if (opts.useConfig) {
    try {
      ({ config, filepath: configPath } = loadConfig(io.cwd, opts.config));
      if (config.models) catalog = catalogForConfig(config.models, configPath);
    } catch (err) {
      if (err instanceof ConfigError) throw new UsageError(`config ${err.filepath} ${err.message}`);
      throw err;
    }
    checkRuleIds(config, configPath);
  }
  const outcome = await lintPathsParallel({
    inputs: opts.paths.length ? opts.paths : ['.'],
    cwd: io.cwd,
    scope: opts.scope,
    strict: opts.strict ?? config.strict ?? false,
    severities: normalizeSeverities(config.rules),
    ignorePatterns: config.ignorePatterns ?? [],
    ignoreBase: configPath ? path.dirname(configPath) : io.cwd,
    configDir: io.env.CLAUDE_CONFIG_DIR,
    fix: Boolean(opts.fix || opts.fixDryRun),
    catalog,
  }, opts.workerScript);
  if (opts.fix && !opts.fixDryRun) {
    for (const r of outcome.results) {
      if (r.output === undefined) continue;
      try {
        // Through a symbolic link to the file it names: replacing the link itself would cut it off.
        writeFileAtomic(fs.realpathSync(r.file), r.output);
      } catch (err) {
        throw new UsageError(`cannot write fixes to ${r.file}: ${(err as Error).message}`);
      }
    }
  }
  let linted = outcome.results;
  if (opts.policy !== false && (opts.policy !== undefined || config.policy !== undefined)) {
    // The policy is read after fixes are written, so it judges the files as they now are.
    const policy = require('./policy') as typeof import('./policy');
    linted = policy.addPolicyResults(linted, { inputs: opts.paths, policy: opts.policy, config, configPath, catalog, severities: normalizeSeverities(config.rules) }, io);
  }
  const kept = applySuppressions(linted, config.suppressions ?? [], configPath ? path.dirname(configPath) : io.cwd);
  const results: FileResult[] = opts.quiet
    ? kept.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') }))
    : kept;
  // Machine formats carry the fixed text in their own fields (json: `output`); people get a diff, as part
  // of the report so that --output-file gets it too.
  const diff = opts.fixDryRun && opts.format === 'stylish' ? fixDiff(results, io.cwd) : '';

  const formatter = loadFormatter(opts.format);
  const text = diff + formatter(results, {
    cwd: io.cwd,
    color: opts.outputFile ? false : useColor(io, opts.color),
    version: version(),
    rules: allRuleMeta(),
  });
  if (opts.outputFile) {
    try {
      writeFileAtomic(path.resolve(io.cwd, opts.outputFile), text.endsWith('\n') || text === '' ? text : text + '\n');
    } catch (err) {
      throw new UsageError(`cannot write ${opts.outputFile}: ${(err as Error).message}`);
    }
  } else if (text) {
    io.stdout(text.endsWith('\n') ? text : text + '\n');
  }

  const { errors, warnings } = countBySeverity(results);
  if (outcome.unreadable) return EXIT_USAGE;
  if (errors > 0) return EXIT_PROBLEMS;
  if (opts.maxWarnings >= 0 && warnings > opts.maxWarnings) {
    io.stderr(`cctier found too many warnings (maximum: ${opts.maxWarnings}).\n`);
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}
