/** Lints what the user asked for: discovery, reading, and one lintBytes per file. */

import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic, FileResult } from '../diagnostic';
import { discover, isAgentPath } from '../files/discover';
import { CATALOG } from '../models/catalog';
import { tierFileFor } from '../models/repo-tier-file';
import { tierPlan } from '../models/tier-plan';
import { AGENT_ABOVE_TIER, AGENT_ABOVE_TIER_META, checkAgentFile } from '../scaffold/agent-tier';
import { readSettingsFile } from '../files/read';
import { roleFromPath, type FileRole, type Scope } from '../scope';
import { lintBytes, lintBytesFixing, type LintSettings } from './lint-text';

export interface LintRequest extends LintSettings {
  inputs: readonly string[];
  cwd: string;
  /** Overrides the scope inferred from the path, for explicitly named files. */
  scope?: Scope;
  ignorePatterns: readonly string[];
  ignoreBase: string;
  /** The home directory and CLAUDE_CONFIG_DIR, to recognise user settings. */
  home?: string;
  configDir?: string;
  /** Apply fixes; each result's `output` holds the fixed text (the caller decides whether to write it). */
  fix?: boolean;
}

export interface LintOutcome {
  results: FileResult[];
  /** Some path could not be read at all: the CLI exits 2. */
  unreadable: boolean;
}

export function lintPaths(req: LintRequest): LintOutcome {
  const found = discoverFor(req);
  const rest = lintFiles(found.files, req);
  return { results: [...problemResults(found.problems), ...rest.results], unreadable: found.problems.length > 0 || rest.unreadable };
}

export function discoverFor(req: LintRequest): ReturnType<typeof discover> {
  return discover(req.inputs, req.cwd, { ignorePatterns: req.ignorePatterns, ignoreBase: req.ignoreBase });
}

export function problemResults(problems: ReturnType<typeof discover>['problems']): FileResult[] {
  return problems.map((p) => ({ file: p.path, diagnostics: [fileProblem(p.path, 'file/unreadable', p.message)] }));
}

/** Lints discovered files, in order. Runs on the main thread or, for part of a large run, in a worker. */
export function lintFiles(files: ReturnType<typeof discover>['files'], req: LintRequest): LintOutcome {
  const results: FileResult[] = [];
  let unreadable = false;
  const home = req.home ?? os.homedir();
  for (const f of files) {
    const role: FileRole = req.scope && f.explicit ? { ...roleFromPath(f.path, home, req.configDir), scope: req.scope } : roleFromPath(f.path, home, req.configDir);
    const read = readSettingsFile(f.path);
    if (read.ok && isAgentPath(f.path.split(path.sep).join('/'))) {
      results.push(lintAgentFile(f.path, read.bytes, req));
      continue;
    }
    if (!read.ok) {
      if (read.ruleId === 'file/unreadable') unreadable = true;
      results.push({ file: f.path, diagnostics: [fileProblem(f.path, read.ruleId, read.message)] });
      continue;
    }
    results.push((req.fix ? lintBytesFixing : lintBytes)(f.path, read.bytes, role, req));
  }
  return { results, unreadable };
}

/** A subagent file: its model against the tier its work belongs to, under the repository's tier file. */
function lintAgentFile(file: string, bytes: Uint8Array, req: LintRequest): FileResult {
  const configured = req.severities.get(AGENT_ABOVE_TIER);
  const source = Buffer.from(bytes).toString('utf8');
  if (configured === 'off') return { file, source, diagnostics: [] };
  const tierFile = tierFileFor(file);
  const plan = tierFile?.ok ? tierFile.plan : tierPlan({});
  return { file, source, diagnostics: checkAgentFile(file, source, plan, req.catalog ?? CATALOG, configured ?? AGENT_ABOVE_TIER_META.severity) };
}

function fileProblem(file: string, ruleId: string, message: string): Diagnostic {
  return { ruleId, severity: 'error', message, file: path.resolve(file), line: 1, column: 1, endLine: 1, endColumn: 1, pointer: '' };
}
