/**
 * Reading a policy and everything it extends. A policy is named by a path or an npm package (or a file
 * inside one); `extends` entries are resolved from the declaring file's folder. Nothing is fetched, no code
 * runs (a name that resolves to a script is refused), and a file reached again on its own chain is a
 * cycle, reported at the entry that closes it with the whole chain. A file reached twice by different
 * routes is read once.
 *
 * Problems here mean the policy cannot be trusted as written: every one is an error diagnostic in the
 * policy file, and the CLI exits 2.
 */

import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from '../diagnostic';
import { pointerFrom } from '../source';
import { parsePolicyText, type PolicyDocument } from './document';
import { layerRank, type PolicyFile, type PolicyLayer } from './model';
import { policyIssues } from './validate';

export interface LoadedPolicy {
  /** Lowest precedence first: by layer (project, team, org), and within a layer a file above what it extends. */
  files: PolicyFile[];
  /** policy/not-found, policy/invalid, policy/extends-cycle: the policy cannot be used as written. */
  diagnostics: Diagnostic[];
}

/** Files a package may hold its policy in, when its package.json names none with `cctierPolicy`. */
const PACKAGE_POLICY_FILES = ['policy.yaml', 'policy.yml', 'policy.json', 'cctier-policy.yaml', 'cctier-policy.yml', 'cctier-policy.json'];
const CODE = /\.(c|m)?(j|t)sx?$/i;
const PATH_LIKE = /^(\.{1,2}([\\/]|$)|[\\/]|~[\\/]|[A-Za-z]:[\\/])/;
/** A package name, then an optional path inside it. */
const PACKAGE = /^((?:@[^/\\]+[\\/])?[^/\\@][^/\\]*)(?:[\\/](.+))?$/;
/** A file large enough to be something other than a policy is refused rather than parsed. */
const MAX_BYTES = 1024 * 1024;

/**
 * Reads the policy `spec` names, resolved from the directory `from`, and everything it extends. `namedBy`
 * is the file that named it (a cctier config), where a policy that cannot be found is reported.
 */
export function loadPolicy(spec: string, from: string, namedBy?: string): LoadedPolicy {
  const diagnostics: Diagnostic[] = [];
  const found = resolvePolicySpec(spec, path.join(from, '.'));
  if ('problem' in found) {
    diagnostics.push(problem('policy/not-found', namedBy ?? path.resolve(from), 1, 1, '', `The policy ${JSON.stringify(spec)} cannot be found: ${found.problem}.`));
    return { files: [], diagnostics };
  }
  const ordered: Array<{ file: PolicyFile; order: number }> = [];
  const read = new Set<string>();
  let order = 0;

  const visit = (file: string, inherited: PolicyLayer, chain: readonly string[], packageName?: string): void => {
    const key = realpath(file);
    if (read.has(key)) return;
    read.add(key);
    const doc = readDocument(file, diagnostics);
    if (!doc) return;
    const value = doc.value as Record<string, unknown>;
    const layer = (typeof value.layer === 'string' ? value.layer : inherited) as PolicyLayer;
    const name = typeof value.name === 'string' ? value.name : (packageName ?? path.basename(file));
    const here = [...chain, file];
    const entries = Array.isArray(value.extends) ? (value.extends as string[]) : typeof value.extends === 'string' ? [value.extends] : [];
    entries.forEach((entry, i) => {
      const pointer = Array.isArray(value.extends) ? pointerFrom(['extends', i]) : '/extends';
      const at = doc.locate(pointer);
      const via = [...here.map((f) => path.basename(f)), entry].join(' → ');
      const next = resolvePolicySpec(entry, file);
      if ('problem' in next) {
        diagnostics.push(problem('policy/not-found', file, at.line, at.column, pointer, `extends ${JSON.stringify(entry)} cannot be found: ${next.problem} (chain: ${via}).`));
        return;
      }
      const target = realpath(next.file);
      if (here.some((f) => realpath(f) === target)) {
        const shown = path.relative(path.dirname(file), next.file) || path.basename(next.file);
        diagnostics.push(problem('policy/extends-cycle', file, at.line, at.column, pointer, `extends ${JSON.stringify(entry)} leads back to ${shown}, which is already being read: the policies extend each other in a cycle (${via}). Remove one of the links.`));
        return;
      }
      visit(next.file, layer, here, next.packageName);
    });
    // After what it extends: a file ranks above its own extends within a layer.
    ordered.push({ file: { file, name, layer, doc, chain: here }, order: order++ });
  };
  visit(found.file, 'project', [], found.packageName);
  ordered.sort((a, b) => layerRank(a.file.layer) - layerRank(b.file.layer) || a.order - b.order);
  return { files: ordered.map((o) => o.file), diagnostics };
}

function readDocument(file: string, diagnostics: Diagnostic[]): PolicyDocument | undefined {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) {
      diagnostics.push(problem('policy/not-found', file, 1, 1, '', 'This is a folder, not a policy file; name the YAML or JSON file in it.'));
      return undefined;
    }
    if (stat.size > MAX_BYTES) {
      diagnostics.push(problem('policy/invalid', file, 1, 1, '', 'The file is over 1 MiB: far larger than any policy. Check that this is the policy file.'));
      return undefined;
    }
    bytes = fs.readFileSync(file);
  } catch (err) {
    diagnostics.push(problem('policy/not-found', file, 1, 1, '', `The policy file cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`));
    return undefined;
  }
  const parsed = parsePolicyText(file, bytes);
  if (!parsed.ok) {
    diagnostics.push(problem('policy/invalid', file, parsed.problem.line, parsed.problem.column, '', parsed.problem.message));
    return undefined;
  }
  const value = parsed.doc.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    diagnostics.push(problem('policy/invalid', file, 1, 1, '', 'A policy is a mapping of settings (`version: 1`, `models:`, `permissions:` ...), not a list or a single value.'));
    return undefined;
  }
  const issues = policyIssues(value);
  for (const issue of issues) {
    const at = parsed.doc.locate(issue.pointer, issue.at);
    diagnostics.push(problem('policy/invalid', file, at.line, at.column, issue.pointer, issue.message));
  }
  return issues.length ? undefined : parsed.doc;
}

export type ResolvedSpec = { file: string; packageName?: string } | { problem: string };

/**
 * A path (from the folder of `declaring`, or `declaring` itself when it is a folder; a bare `policy.yaml`
 * that exists there counts) or an npm package, or a file inside one, looked up in the node_modules folders
 * Node would search. Never a script.
 */
export function resolvePolicySpec(spec: string, declaring: string): ResolvedSpec {
  const from = isDirectory(declaring) ? declaring : path.dirname(declaring);
  let file: string;
  let packageName: string | undefined;
  // A name that is a file next to the declaring file is that file (`--policy policy.yaml`); else a package.
  if (PATH_LIKE.test(spec) || (/\.(ya?ml|json)$/i.test(spec) && fs.existsSync(path.resolve(from, spec)))) {
    file = spec.startsWith('~/') || spec.startsWith('~\\') ? path.join(os.homedir(), spec.slice(2)) : path.resolve(from, spec);
    if (!fs.existsSync(file)) return { problem: `no file at ${file}` };
  } else {
    const m = PACKAGE.exec(spec);
    if (!m) return { problem: 'it is neither a relative path nor an npm package name' };
    packageName = m[1]!.replace(/\\/g, '/');
    const dir = packageDir(packageName, from);
    if (!dir) return { problem: `no npm package ${JSON.stringify(packageName)} is installed where ${from} can see it (cctier looks in node_modules folders and never downloads)` };
    if (m[2]) {
      file = path.join(dir, m[2]);
      if (!fs.existsSync(file)) return { problem: `the package ${packageName} has no file ${m[2]}` };
    } else {
      const inPackage = policyFileOf(dir);
      if (!inPackage) return { problem: `the package ${packageName} names no policy: give its package.json a "cctierPolicy" field, or add one of ${PACKAGE_POLICY_FILES.join(', ')}` };
      file = inPackage;
    }
  }
  if (CODE.test(file)) return { problem: `it resolves to ${file}, a script; policies are YAML or JSON data and cctier never runs code from them` };
  return packageName ? { file, packageName } : { file };
}

function packageDir(name: string, from: string): string | undefined {
  const lookup = createRequire(path.join(from, 'noop.js')).resolve.paths(name) ?? [];
  for (const modules of lookup) {
    const dir = path.join(modules, name);
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
  }
  return undefined;
}

function policyFileOf(dir: string): string | undefined {
  let manifest: { cctierPolicy?: unknown; main?: unknown } = {};
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as typeof manifest;
  } catch {
    // a broken package.json names nothing; the conventional file names may still be there
  }
  if (typeof manifest.cctierPolicy === 'string') return path.join(dir, manifest.cctierPolicy);
  for (const name of PACKAGE_POLICY_FILES) if (fs.existsSync(path.join(dir, name))) return path.join(dir, name);
  if (typeof manifest.main === 'string' && /\.(json|ya?ml)$/i.test(manifest.main)) return path.join(dir, manifest.main);
  return undefined;
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function realpath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

function problem(ruleId: string, file: string, line: number, column: number, pointer: string, message: string): Diagnostic {
  return { ruleId, severity: 'error', message, file, line, column, endLine: line, endColumn: column, pointer };
}
