/**
 * Whether git ignores a settings file in a .claude folder. One `git ls-files` per repository and run lists
 * every such file git would commit (tracked, or untracked and not ignored); any other existing file there is
 * ignored. Asking `git check-ignore` per file costs a process each (about 20 ms), too slow for a run over
 * thousands of files. Outside a repository, with no git installed, or when git fails or is slow, the answer
 * is "unknown" and the caller says nothing. Answers last for the run (see hooks/fs-probe.ts).
 */

import type { spawnSync as SpawnSync } from 'node:child_process';
import * as path from 'node:path';
import { isDirectory, pathExists } from '../hooks/fs-probe';

export type IgnoreAnswer = 'ignored' | 'not-ignored' | 'committed' | 'unknown';

const TIMEOUT_MS = 5000;
/** Settings files directly inside any .claude folder, from the repository root down. */
const PATHSPEC = ':(glob)**/.claude/*.json';

/** Per repository root: relative path -> tracked (H) or untracked (?), or null when git could not say. */
const listings = new Map<string, Map<string, 'H' | '?'> | null>();
/** Per folder: the repository root above it, or null for none. */
const roots = new Map<string, string | null>();
let gitMissing = false;
let clearing = false;

/**
 * The nearest folder above `dir` holding a real `.git`: a folder with HEAD and objects (or a commondir,
 * for linked worktrees), or a `gitdir:` file. A stray `.git` folder with only HEAD in it is not one; git
 * itself would look further up.
 */
export function repositoryRoot(dir: string): string | undefined {
  const known = roots.get(dir);
  if (known !== undefined) return known ?? undefined;
  let found: string | null;
  const git = path.join(dir, '.git');
  if (isDirectory(git) ? pathExists(path.join(git, 'HEAD')) && (isDirectory(path.join(git, 'objects')) || pathExists(path.join(git, 'commondir'))) : pathExists(git)) found = dir;
  else found = path.dirname(dir) === dir ? null : (repositoryRoot(path.dirname(dir)) ?? null);
  roots.set(dir, found);
  scheduleForget();
  return found ?? undefined;
}

export function gitIgnores(file: string): IgnoreAnswer {
  const abs = path.resolve(file);
  if (gitMissing || !pathExists(abs)) return 'unknown';
  const root = repositoryRoot(path.dirname(abs));
  if (!root) return 'unknown';
  const listing = listingFor(root);
  if (!listing) return 'unknown';
  const status = listing.get(path.relative(root, abs).split(path.sep).join('/'));
  return status === 'H' ? 'committed' : status === '?' ? 'not-ignored' : 'ignored';
}

function listingFor(root: string): Map<string, 'H' | '?'> | null {
  const cached = listings.get(root);
  if (cached !== undefined) return cached;
  // child_process is loaded only when a local settings file is linted.
  const spawnSync = (require('node:child_process') as { spawnSync: typeof SpawnSync }).spawnSync;
  const run = spawnSync('git', ['ls-files', '-z', '-t', '--cached', '--others', '--exclude-standard', '--', PATHSPEC], {
    cwd: root,
    timeout: TIMEOUT_MS,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'ignore'],
    windowsHide: true,
  });
  let listing: Map<string, 'H' | '?'> | null = null;
  if ((run.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') gitMissing = true;
  else if (run.status === 0) {
    listing = new Map();
    for (const entry of run.stdout.split('\0')) {
      // `-t` tags each path: H tracked, ? untracked (others), and a few rarer tags for tracked states.
      if (entry.length > 2) listing.set(entry.slice(2), entry[0] === '?' ? '?' : 'H');
    }
  }
  listings.set(root, listing);
  scheduleForget();
  return listing;
}

function scheduleForget(): void {
  if (clearing) return;
  clearing = true;
  setImmediate(forgetGitAnswers).unref?.();
}

/** Drops every cached answer (tests that change a repository between lints call this). */
export function forgetGitAnswers(): void {
  listings.clear();
  roots.clear();
  gitMissing = false;
  clearing = false;
}
