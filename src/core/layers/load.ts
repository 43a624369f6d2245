/**
 * Finding and reading the layers Claude Code reads for a session started in a directory (facts §1.1-1.2):
 * user, project (the start directory only), local (at the git root since v2.1.211, plus an older copy left
 * in the start directory), --settings, and managed (the OS path or a given file/folder, with
 * managed-settings.d/*.json drop-ins applied in name order after managed-settings.json). Team layers
 * (cctier's `extends`) are slotted in where their position says.
 */

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from '../diagnostic';
import { readSettingsFile } from '../files/read';
import { decode, LineIndex, parseJson, type JsonNode, type Position } from '../source';
import type { Layer, LayerKind } from './layer';
import type { TeamLayerSource } from './team-layers';

export interface LayerSources {
  /** The directory the session starts in. */
  dir: string;
  /** --user-settings; default $CLAUDE_CONFIG_DIR/settings.json or ~/.claude/settings.json. */
  userSettings?: string;
  /** --managed FILE|DIR; default the OS path. */
  managed?: string;
  /** --settings FILE: the command-line layer. */
  flagSettings?: string;
  env?: Readonly<Record<string, string | undefined>>;
  /** The home directory (default os.homedir()), for `~/` anchors and the default user settings. */
  home?: string;
  /** Team/org files named by `extends` in cctier config, resolved (see team-layers.ts). */
  team?: readonly TeamLayerSource[];
}

export interface LoadedLayers {
  layers: Layer[];
  /** Files that exist but could not be used (unreadable, invalid JSON): Claude Code skips them too. */
  diagnostics: Diagnostic[];
  /** The start directory, resolved. */
  dir: string;
  home: string;
}

export function managedDir(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return '/Library/Application Support/ClaudeCode';
  if (platform === 'win32') return 'C:\\Program Files\\ClaudeCode';
  return '/etc/claude-code';
}

/** The nearest directory at or above `dir` holding `.git`, or undefined. */
export function gitRoot(dir: string): string | undefined {
  let d = path.resolve(dir);
  for (;;) {
    if (fs.existsSync(path.join(d, '.git'))) return d;
    const up = path.dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

export function loadLayers(src: LayerSources): LoadedLayers {
  const env = src.env ?? {};
  const dir = path.resolve(src.dir);
  const home = src.home ?? os.homedir();
  const out: LoadedLayers = { layers: [], diagnostics: [], dir, home };
  const add = (kind: LayerKind, name: string, file: string, root: string, required: boolean, chain?: string): void => {
    const layer = readLayer(kind, name, file, root, required, out.diagnostics, chain);
    if (layer) out.layers.push(layer);
  };
  const team = (position: TeamLayerSource['position']): void => {
    for (const t of src.team ?? []) if (t.position === position) add('team', t.name, t.file, dir, true, t.chain);
  };

  const configDir = env.CLAUDE_CONFIG_DIR || path.join(home, '.claude');
  const userFile = src.userSettings ? path.resolve(dir, src.userSettings) : path.join(configDir, 'settings.json');
  // `/path` rules in user settings are anchored at ~/.claude (facts §3.5).
  add('user', 'user', userFile, configDir, Boolean(src.userSettings));
  team('below-project');
  add('project', 'project', path.join(dir, '.claude', 'settings.json'), dir, false);
  const root = gitRoot(dir);
  const localAtStart = path.join(dir, '.claude', 'settings.local.json');
  // Local `/path` rules are anchored at the original working directory, wherever the file lives.
  if (root && root !== dir && !isHome(root, home)) {
    // An older copy in the start directory is still read; the root copy wins where both set a key.
    add('local', 'local (start directory)', localAtStart, dir, false);
    add('local', 'local', path.join(root, '.claude', 'settings.local.json'), dir, false);
  } else {
    add('local', 'local', localAtStart, dir, false);
  }
  team('above-local');
  if (src.flagSettings) {
    const flag = path.resolve(dir, src.flagSettings);
    add('flag', '--settings', flag, path.dirname(flag), true);
  }

  const managed = src.managed ? path.resolve(dir, src.managed) : managedDir();
  const isDir = isDirectory(managed);
  const mainFile = isDir ? path.join(managed, 'managed-settings.json') : managed;
  // The docs give managed files no `/path` anchor of their own; their folder is the closest reading (INFERRED).
  add('managed', 'managed', mainFile, path.dirname(mainFile), Boolean(src.managed) && !isDir);
  const dropins = path.join(path.dirname(mainFile), 'managed-settings.d');
  if (isDirectory(dropins)) {
    // Name order, hidden files and other extensions skipped (facts §1.2); sorted by code unit, as systemd sorts bytes.
    const names = fs
      .readdirSync(dropins)
      .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const n of names) add('managed', `managed (${n})`, path.join(dropins, n), dropins, true);
  }
  return out;
}

/** The local file stays in the start directory when the repository root is $HOME (facts §1.1). */
function isHome(root: string, home: string): boolean {
  return path.resolve(root) === path.resolve(home);
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function readLayer(kind: LayerKind, name: string, file: string, root: string, required: boolean, diagnostics: Diagnostic[], chain?: string): Layer | undefined {
  if (!required && !fs.existsSync(file)) return undefined;
  const problem = (ruleId: string, message: string, line = 1, column = 1): undefined => {
    const skip = kind === 'team' ? ` cctier leaves this team layer out (named by ${chain}).` : ' Claude Code skips this file.';
    diagnostics.push({ ruleId: kind === 'team' ? 'extends/unreadable' : ruleId, severity: 'error', message: `${message}${skip}`, file, line, column, endLine: line, endColumn: column, pointer: '' });
    return undefined;
  };
  const read = readSettingsFile(file);
  if (!read.ok) return problem(read.ruleId, read.message);
  const decoded = decode(read.bytes);
  if (decoded.problems.length) return problem('json/encoding', `The ${name} settings file is not readable JSON text (${decoded.problems[0]!.kind}).`);
  const parsed = parseJson(decoded.text);
  const syntax = parsed.problems.find((p) => p.ruleId !== 'json/duplicate-key');
  const lines = new LineIndex(decoded.text);
  if (syntax || !parsed.tree) {
    const pos = lines.position(syntax?.start ?? 0);
    return problem(syntax?.ruleId ?? 'json/syntax', syntax?.message ?? 'Not valid JSON.', pos.line, pos.column);
  }
  if (parsed.tree.type !== 'object') return problem('json/not-object', 'A settings file must be a JSON object.');
  return { kind, name, file, root, value: parsed.value as Record<string, unknown>, locate: locator(parsed.tree, lines) };
}

/**
 * Pointer -> position, indexed in one walk on first use: the merger asks for every value's position, and
 * walking from the root each time would be quadratic in a large object. Duplicate keys: the last wins, as
 * in JSON.parse.
 */
function locator(tree: JsonNode, lines: LineIndex): (pointer: string) => Position | undefined {
  let index: Map<string, number> | undefined;
  const build = (): Map<string, number> => {
    const m = new Map<string, number>();
    const walk = (node: JsonNode, pointer: string): void => {
      m.set(pointer, node.offset);
      if (node.type === 'object') {
        for (const prop of node.children ?? []) {
          const [key, value] = prop.children ?? [];
          if (key && value) walk(value, pointer + '/' + String(key.value).replace(/~/g, '~0').replace(/\//g, '~1'));
        }
      } else if (node.type === 'array') {
        (node.children ?? []).forEach((child, i) => walk(child, `${pointer}/${i}`));
      }
    };
    walk(tree, '');
    return m;
  };
  return (pointer) => {
    index ??= build();
    const offset = index.get(pointer);
    return offset === undefined ? undefined : lines.position(offset);
  };
}
