/**
 * Team layers: the org or team settings files that cctier config names in `extends`, resolved to files and
 * placed in precedence. Claude Code has no such layer; a team uses it to see what its shared policy does
 * once merged with each developer's files, before it ships that policy as project or managed settings.
 *
 * - An entry is a Claude Code settings file (a layer), or another cctier config file (`.cctierrc*`,
 *   `cctier.config.*`, `package.json`), whose own `extends` are read in its place, relative to it. A
 *   settings file cannot chain: `extends` is not a Claude Code key, and the same file must stay usable as
 *   real settings.
 * - Relative paths start from the declaring file's folder; any other name is an npm package, or a file in
 *   one, found with require.resolve from that folder. Nothing is fetched and no code runs: a name that
 *   resolves to a script is refused.
 * - Later entries rank above earlier ones; an entry's `position` (default below-project) also applies to
 *   every layer a config file it names brings in.
 * - A missing file, a package that cannot be resolved, a cycle or a broken config file is an error
 *   diagnostic at the entry that names it, with the chain of files that led there.
 */

import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError, loadConfig, SEARCH_PLACES } from '../config/load';
import type { Diagnostic } from '../diagnostic';
import { LineIndex, nodeAtPointer, parseJson, pointerFrom } from '../source';

export type TeamPosition = 'below-project' | 'above-local';
export type ExtendsEntry = string | { file: string; name?: string; position?: TeamPosition };
export type ExtendsSetting = ExtendsEntry | ExtendsEntry[];

export interface TeamLayerSource {
  /** `team:<name>`, unique. */
  name: string;
  file: string;
  position: TeamPosition;
  /** How the file was reached, for messages: `cctier.config.json → ../org/cctier.config.json → ./org.json`. */
  chain: string;
}

export interface ResolvedTeamLayers {
  team: TeamLayerSource[];
  diagnostics: Diagnostic[];
}

const CONFIG_NAMES: ReadonlySet<string> = new Set(SEARCH_PLACES);
const CODE = /\.(c|m)?(j|t)sx?$/;
const PATH_LIKE = /^(\.{1,2}([\\/]|$)|[\\/]|~[\\/]|[A-Za-z]:[\\/])/;

/** Resolves the `extends` of the config file at `configFile` (its parsed value already in hand). */
export function resolveTeamLayers(configFile: string, setting: unknown): ResolvedTeamLayers {
  const out: ResolvedTeamLayers = { team: [], diagnostics: [] };
  const files = new Set<string>();
  const names = new Set<string>();
  const top = path.basename(configFile);

  const visit = (declaring: string, value: unknown, chain: readonly string[], stack: readonly string[], inherited?: TeamPosition): void => {
    const entries = Array.isArray(value) ? value : value === undefined ? [] : [value];
    entries.forEach((entry: ExtendsEntry, i) => {
      const where = propertyPointer(declaring, Array.isArray(value) ? ['extends', String(i)] : ['extends']);
      const spec = typeof entry === 'string' ? entry : entry?.file;
      if (typeof spec !== 'string' || spec.length === 0) return; // the config schema reports these
      const link = [...chain, spec];
      const via = [top, ...link].join(' → ');
      const fail = (ruleId: string, message: string): void => {
        out.diagnostics.push(diagnostic(declaring, where, ruleId, `${message} (extends chain: ${via})`));
      };
      const position = inherited ?? (typeof entry === 'object' ? entry.position : undefined);
      const found = resolveEntry(spec, declaring);
      if ('problem' in found) return fail('extends/missing', found.problem);
      const file = found.file;
      if (CODE.test(file)) return fail('extends/not-json', `"${spec}" resolves to ${file}, a script; cctier reads JSON settings or cctier config files and never runs code. Name the JSON file inside the package instead.`);
      if (isDirectory(file)) return fail('extends/missing', `"${spec}" is a folder (${file}); name a settings file or a cctier config file in it.`);
      if (CONFIG_NAMES.has(path.basename(file))) {
        if (stack.includes(file)) return fail('extends/cycle', `"${spec}" leads back to ${file}, which is already being read: the extends form a cycle.`);
        let nested: unknown;
        try {
          nested = (loadConfig(path.dirname(file), file).config as { extends?: unknown }).extends;
        } catch (err) {
          if (!(err instanceof ConfigError)) throw err;
          return fail('extends/invalid-config', `The cctier config ${err.filepath} named by "${spec}" ${err.message}`);
        }
        visit(file, nested, link, [...stack, file], position);
        return;
      }
      if (files.has(file)) return; // reached twice through different configs: one layer is enough
      files.add(file);
      const wanted = (typeof entry === 'object' && entry.name) || defaultName(spec, file);
      let name = wanted;
      for (let n = 2; names.has(name); n++) name = `${wanted} (${n})`;
      names.add(name);
      out.team.push({ name: `team:${name}`, file, position: position ?? 'below-project', chain: via });
    });
  };
  visit(path.resolve(configFile), setting, [], [path.resolve(configFile)]);
  return out;
}

function resolveEntry(spec: string, declaring: string): { file: string } | { problem: string } {
  const from = path.dirname(declaring);
  if (PATH_LIKE.test(spec)) {
    const file = spec.startsWith('~/') || spec.startsWith('~\\') ? path.join(os.homedir(), spec.slice(2)) : path.resolve(from, spec);
    return fs.existsSync(file) ? { file } : { problem: `"${spec}" does not exist: no file at ${file}` };
  }
  try {
    return { file: createRequire(declaring).resolve(spec) };
  } catch {
    return { problem: `"${spec}" is not a relative path, and no npm package of that name is installed where ${from} can see it (cctier resolves packages locally, never from the network)` };
  }
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The package name for packages; the file's name for files, or its folder's for a generic settings.json. */
function defaultName(spec: string, file: string): string {
  if (!PATH_LIKE.test(spec)) {
    const parts = spec.split('/');
    return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  }
  const base = path.basename(file).replace(/\.json$/i, '');
  return /^(settings|settings\.local|managed-settings|claude-settings)$/.test(base) ? path.basename(path.dirname(file)) : base;
}

/** Where `extends` sits in a JSON config (under `cctier` in package.json); line 1 for YAML. */
function propertyPointer(file: string, segments: string[]): { line: number; column: number; pointer: string } {
  const pointer = pointerFrom(path.basename(file) === 'package.json' ? ['cctier', ...segments] : segments);
  try {
    const text = fs.readFileSync(file, 'utf8');
    const parsed = parseJson(text);
    if (parsed.tree) {
      const found = nodeAtPointer(parsed.tree, pointer);
      if (found.exact) return { ...new LineIndex(text).position(found.node.offset), pointer };
    }
  } catch {
    // unreadable or YAML: the top of the file will do
  }
  return { line: 1, column: 1, pointer };
}

function diagnostic(file: string, at: { line: number; column: number; pointer: string }, ruleId: string, message: string): Diagnostic {
  return { ruleId, severity: 'error', message, file, line: at.line, column: at.column, endLine: at.line, endColumn: at.column, pointer: at.pointer };
}
