/**
 * Finds a repository's tier file: walking up from a directory to the nearest one that holds
 * claude_settings.json or .git (the repository root), and reads it with the same strict parser as any
 * settings file. Answers are cached per directory, so linting thousands of files costs one walk per folder.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import { readSettingsFile } from '../files/read';
import { TIER_FILE_NAME } from '../scope';
import { decode, parseJson } from '../source';
import { tierPlan, type TierPlan } from './tier-plan';

export type RepoTierFile =
  | { path: string; ok: true; value: Readonly<Record<string, unknown>>; plan: TierPlan }
  /** Found but unusable (unreadable, not strict JSON, not an object); its own lint says why. */
  | { path: string; ok: false; problem: string };

/** Directory -> the tier file that governs it (null: none up to the repository root). */
const tierFileByDir = new Map<string, string | null>();
const fileCache = new Map<string, RepoTierFile>();

/** A missing path is the common case here: asking not to throw is several times cheaper than catching. */
function exists(p: string): boolean {
  try {
    return fs.statSync(p, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

function locate(dir: string): string | null {
  const walked: string[] = [];
  let found: string | null = null;
  for (let current = path.resolve(dir); ; ) {
    const cached = tierFileByDir.get(current);
    if (cached !== undefined) {
      found = cached;
      break;
    }
    walked.push(current);
    const candidate = path.join(current, TIER_FILE_NAME);
    if (exists(candidate)) {
      found = candidate;
      break;
    }
    const parent = path.dirname(current);
    if (exists(path.join(current, '.git')) || parent === current) break;
    current = parent;
  }
  for (const d of walked) tierFileByDir.set(d, found);
  return found;
}

function read(file: string): RepoTierFile {
  const bytes = readSettingsFile(file);
  if (!bytes.ok) return { path: file, ok: false, problem: bytes.message };
  const decoded = decode(bytes.bytes);
  if (decoded.problems.some((p) => p.kind !== 'bom')) return { path: file, ok: false, problem: 'it is empty or not UTF-8 text' };
  const parsed = parseJson(decoded.text);
  if (parsed.problems.length > 0 || parsed.value === undefined) return { path: file, ok: false, problem: parsed.problems[0]?.message ?? 'it is not valid JSON' };
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { path: file, ok: false, problem: 'it is not a JSON object' };
  return { path: file, ok: true, value: value as Record<string, unknown>, plan: tierPlan(value) };
}

/** The tier file governing `dir`, if the repository has one. */
export function tierFileForDir(dir: string): RepoTierFile | undefined {
  const file = locate(dir);
  if (file === null) return undefined;
  let entry = fileCache.get(file);
  if (!entry) fileCache.set(file, (entry = read(file)));
  return entry;
}

/** The tier file governing the settings file at `file`. */
export function tierFileFor(file: string): RepoTierFile | undefined {
  return tierFileForDir(path.dirname(path.resolve(file)));
}

/** Forgets every answer: for long-lived callers (watchers, tests) whose files change between runs. */
export function forgetTierFiles(): void {
  tierFileByDir.clear();
  fileCache.clear();
}
