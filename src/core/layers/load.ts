/**
 * Finding and reading the layers Claude Code reads for a session started in a directory (facts §1.1-1.2):
 * user, project (the start directory only), local (at the git root since v2.1.211, plus an older copy left
 * in the start directory), --settings, and managed (the OS path or a given file/folder, with
 * managed-settings.d/*.json drop-ins applied in name order after managed-settings.json).
 */

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from '../diagnostic';
import { readSettingsFile } from '../files/read';
import { decode, LineIndex, nodeAtPointer, parseJson } from '../source';
import type { Layer, LayerKind } from './layer';

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
  /** Extra layers (team/org files), already placed by the caller. */
  team?: ReadonlyArray<{ name: string; file: string }>;
}

export interface LoadedLayers {
  layers: Layer[];
  /** Files that exist but could not be used (unreadable, invalid JSON): Claude Code skips them too. */
  diagnostics: Diagnostic[];
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
  const out: LoadedLayers = { layers: [], diagnostics: [] };
  const add = (kind: LayerKind, name: string, file: string, required: boolean): void => {
    const layer = readLayer(kind, name, file, required, out.diagnostics);
    if (layer) out.layers.push(layer);
  };

  const userFile = src.userSettings ?? path.join(env.CLAUDE_CONFIG_DIR || path.join(os.homedir(), '.claude'), 'settings.json');
  add('user', 'user', path.resolve(dir, userFile), Boolean(src.userSettings));
  for (const t of src.team ?? []) add('team', t.name, t.file, true);
  add('project', 'project', path.join(dir, '.claude', 'settings.json'), false);
  const root = gitRoot(dir);
  const localAtStart = path.join(dir, '.claude', 'settings.local.json');
  if (root && root !== dir) {
    // An older copy in the start directory is still read; the root copy wins where both set a key.
    add('local', 'local (start directory)', localAtStart, false);
    add('local', 'local', path.join(root, '.claude', 'settings.local.json'), false);
  } else {
    add('local', 'local', localAtStart, false);
  }
  if (src.flagSettings) add('flag', '--settings', path.resolve(dir, src.flagSettings), true);

  const managed = src.managed ? path.resolve(dir, src.managed) : managedDir();
  const isDir = fs.existsSync(managed) && fs.statSync(managed).isDirectory();
  const mainFile = isDir ? path.join(managed, 'managed-settings.json') : managed;
  add('managed', 'managed', mainFile, Boolean(src.managed) && !isDir);
  const dropins = path.join(isDir ? managed : path.dirname(managed), 'managed-settings.d');
  if (fs.existsSync(dropins)) {
    const names = fs.readdirSync(dropins).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort();
    for (const n of names) add('managed', `managed (${n})`, path.join(dropins, n), true);
  }
  return out;
}

function readLayer(kind: LayerKind, name: string, file: string, required: boolean, diagnostics: Diagnostic[]): Layer | undefined {
  if (!required && !fs.existsSync(file)) return undefined;
  const problem = (ruleId: string, message: string, line = 1, column = 1): undefined => {
    diagnostics.push({ ruleId, severity: 'error', message: `${message} Claude Code skips this file.`, file, line, column, endLine: line, endColumn: column, pointer: '' });
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
  const tree = parsed.tree;
  return {
    kind,
    name,
    file,
    value: parsed.value as Record<string, unknown>,
    locate: (pointer) => {
      const found = nodeAtPointer(tree, pointer);
      return found.exact ? lines.position(found.node.offset) : undefined;
    },
  };
}
