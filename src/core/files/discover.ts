/**
 * Which files `cctier lint` looks at. Explicit files are linted as given; under a directory we find the
 * files Claude Code (or cctier) reads, skipping node_modules and .git and anything the ignore globs match.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { fdir as Fdir } from 'fdir';
import { describeFsError } from './read';

export interface DiscoveredFile {
  path: string;
  explicit: boolean;
}

export interface DiscoveryProblem {
  path: string;
  message: string;
}

export interface Discovery {
  files: DiscoveredFile[];
  problems: DiscoveryProblem[];
}

const SKIP_DIRS = new Set(['node_modules', '.git']);

/** Is this path (with forward slashes) one of the files cctier lints when it walks a directory? */
export function isSettingsPath(p: string): boolean {
  const parts = p.split('/');
  const base = parts[parts.length - 1]!;
  const parent = parts[parts.length - 2];
  if (base === 'claude_settings.json' || base === 'managed-settings.json') return true;
  if (parent === '.claude' && (base === 'settings.json' || base === 'settings.local.json')) return true;
  return parent === 'managed-settings.d' && base.endsWith('.json') && !base.startsWith('.');
}

/** Subagent definitions (`.claude/agents/*.md`): linted for their model's tier. */
export function isAgentPath(p: string): boolean {
  const parts = p.split('/');
  return parts.length >= 3 && parts[parts.length - 2] === 'agents' && parts[parts.length - 3] === '.claude' && p.endsWith('.md');
}

export interface DiscoverOptions {
  /** Globs relative to `ignoreBase` (the config file's folder, or the cwd). */
  ignorePatterns: readonly string[];
  ignoreBase: string;
}

export function discover(inputs: readonly string[], cwd: string, options: DiscoverOptions): Discovery {
  // picomatch is loaded only when there are globs to match.
  const isIgnored = options.ignorePatterns.length
    ? (require('picomatch') as typeof import('picomatch'))(options.ignorePatterns as string[], { dot: true })
    : () => false;
  const ignored = (abs: string): boolean => {
    const rel = path.relative(options.ignoreBase, abs).split(path.sep).join('/');
    return rel !== '' && !rel.startsWith('..') && (isIgnored(rel) || isIgnored(rel + '/'));
  };
  const files: DiscoveredFile[] = [];
  const problems: DiscoveryProblem[] = [];
  const seen = new Set<string>();
  const add = (p: string, explicit: boolean): void => {
    if (seen.has(p)) return;
    seen.add(p);
    files.push({ path: p, explicit });
  };
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch (err) {
      problems.push({ path: abs, message: describeFsError(err) });
      continue;
    }
    if (!stat.isDirectory()) {
      if (!ignored(abs)) add(abs, true);
      continue;
    }
    if (isSettingsPath(abs.split(path.sep).join('/'))) {
      // Someone asked for a settings file and got a folder: say so rather than walking into it.
      problems.push({ path: abs, message: 'This is a directory, not a settings file.' });
      continue;
    }
    // fdir is loaded only for a directory walk: a pre-commit run names its files.
    const { fdir } = require('fdir') as { fdir: typeof Fdir };
    const found = new fdir()
      .withFullPaths()
      .exclude((name, dirPath) => {
        const dir = dirPath.replace(/[\\/]+$/, '');
        if (SKIP_DIRS.has(name) || ignored(dir)) return true;
        if (isSettingsPath(dir.split(path.sep).join('/'))) problems.push({ path: dir, message: 'This is a directory, not a settings file.' });
        return false;
      })
      .filter((p) => {
        const posix = p.split(path.sep).join('/');
        return (isSettingsPath(posix) || isAgentPath(posix)) && !ignored(p);
      })
      .crawl(abs)
      .sync();
    for (const p of found.sort()) add(p, false);
  }
  return { files, problems };
}
