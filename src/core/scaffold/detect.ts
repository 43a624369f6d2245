/**
 * A project's own test, lint and build commands, from the files that declare them: package.json scripts,
 * Makefile targets, pyproject.toml tool sections, go.mod and Cargo.toml. init allows each as one exact Bash
 * rule. Reads through a `ProjectFiles` so tests (and the planner's callers) choose where files come from.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CommandRules } from './templates';

export interface ProjectFiles {
  /** The text of a file relative to the project root, or undefined when there is none. */
  read(rel: string): string | undefined;
  exists(rel: string): boolean;
}

export type ProjectType = 'node' | 'python' | 'go' | 'rust' | 'make';

export interface ProjectFacts {
  types: ProjectType[];
  /** Exact commands, in the order found; each becomes `Bash(<command>)`. */
  commands: string[];
}

/** Files no larger than this are read for detection; a bigger "package.json" is not one to parse. */
const MAX_READ = 1024 * 1024;

export function diskFiles(root: string): ProjectFiles {
  return {
    read(rel) {
      try {
        const file = path.join(root, rel);
        if (!fs.statSync(file).isFile() || fs.statSync(file).size > MAX_READ) return undefined;
        return fs.readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    },
    exists(rel) {
      return fs.existsSync(path.join(root, rel));
    },
  };
}

/** A Makefile rule line: targets, then a colon that is not an assignment (`:=`, `::=`). */
const MAKE_RULE = /^([A-Za-z0-9_][\w.\- ]*?)\s*::?(?!=)/;
const TOML_SECTION = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/;

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

function nodeCommands(files: ProjectFiles, rules: CommandRules): string[] | undefined {
  const text = files.read('package.json');
  if (text === undefined) return undefined;
  let pkg: unknown;
  try {
    pkg = JSON.parse(text);
  } catch {
    return [];
  }
  if (!isObject(pkg)) return [];
  const scripts = own(pkg, 'scripts');
  if (!isObject(scripts)) return [];
  const manager = packageManager(pkg, files, rules);
  const out: string[] = [];
  for (const name of rules.packageScripts) {
    const body = own(scripts, name);
    if (typeof body !== 'string' || body.trim() === '') continue;
    // `npm init` writes a test script that only fails; allowing it helps nobody.
    if (name === 'test' && body.includes(rules.placeholderTestScript)) continue;
    if (name === 'test' && manager.test) out.push(manager.test);
    out.push(manager.run.replace('{script}', name));
  }
  return out;
}

function packageManager(pkg: Record<string, unknown>, files: ProjectFiles, rules: CommandRules) {
  const managers = rules.packageManagers;
  // Corepack's field names the manager outright: "pnpm@9.1.0".
  const declared = own(pkg, 'packageManager');
  if (typeof declared === 'string') {
    const name = declared.split('@')[0]!;
    if (Object.prototype.hasOwnProperty.call(managers, name)) return managers[name]!;
  }
  for (const m of Object.values(managers)) if (m.lockfiles.some((f) => files.exists(f))) return m;
  return managers.npm!;
}

function makeCommands(files: ProjectFiles, rules: CommandRules): string[] | undefined {
  const name = rules.makefiles.find((f) => files.exists(f));
  if (name === undefined) return undefined;
  const text = files.read(name) ?? '';
  const targets = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const m = MAKE_RULE.exec(line);
    if (m) for (const t of m[1]!.split(/\s+/)) if (t) targets.add(t);
  }
  return rules.makeTargets.filter((t) => targets.has(t)).map((t) => `make ${t}`);
}

function pythonCommands(files: ProjectFiles, rules: CommandRules): string[] | undefined {
  const text = files.read('pyproject.toml');
  if (text === undefined) return undefined;
  const sections = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const m = TOML_SECTION.exec(line);
    if (m) sections.add(m[1]!.replace(/\s+/g, ''));
  }
  // `[tool.ruff.lint]` declares ruff as much as `[tool.ruff]` does.
  const hasSection = (name: string) => sections.has(name) || [...sections].some((s) => s.startsWith(name + '.'));
  const runner = rules.python.runners.find((r) => r.lockfiles.some((f) => files.exists(f)) || (r.section !== undefined && hasSection(r.section)));
  const prefix = runner?.prefix ?? '';
  const out: string[] = [];
  for (const tool of rules.python.tools) {
    const declared = tool.sections.some(hasSection) || dependsOn(text, tool.dependency);
    if (declared) for (const c of tool.commands) out.push(prefix + c);
  }
  return out;
}

/** A dependency named in a list (`"pytest>=8"`) or a table (`pytest = "^8"`), not as part of a longer name (`pytest-cov`). */
function dependsOn(toml: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:^|["'\\s,\\[])${escaped}(?![\\w.-])`, 'mi').test(toml);
}

/** Everything detected, types in a fixed order so the output does not depend on the file system. */
export function detectProject(files: ProjectFiles, rules: CommandRules): ProjectFacts {
  const found: Array<[ProjectType, string[] | undefined]> = [
    ['node', nodeCommands(files, rules)],
    ['python', pythonCommands(files, rules)],
    ['go', files.exists(rules.go.marker) ? [...rules.go.commands] : undefined],
    ['rust', files.exists(rules.rust.marker) ? [...rules.rust.commands] : undefined],
    ['make', makeCommands(files, rules)],
  ];
  const types: ProjectType[] = [];
  const commands: string[] = [];
  for (const [type, list] of found) {
    if (list === undefined) continue;
    types.push(type);
    for (const c of list) if (!commands.includes(c)) commands.push(c);
  }
  return { types, commands };
}
