/**
 * Cached looks at the file system for rules that check what a settings file refers to. The cache lives for
 * one lint run: it is dropped as soon as the current synchronous work is done (setImmediate), so a run over
 * 10,000 files stats each path once while a long-lived process never sees stale answers.
 */

import * as fs from 'node:fs';

const cache = new Map<string, fs.Stats | null>();
let clearing = false;

function stat(abs: string): fs.Stats | null {
  const hit = cache.get(abs);
  if (hit !== undefined) return hit;
  let s: fs.Stats | null;
  try {
    s = fs.statSync(abs, { throwIfNoEntry: false }) ?? null;
  } catch {
    s = null;
  }
  cache.set(abs, s);
  if (!clearing) {
    clearing = true;
    setImmediate(forgetProbes).unref?.();
  }
  return s;
}

export function pathExists(abs: string): boolean {
  return stat(abs) !== null;
}

export function isDirectory(abs: string): boolean {
  return stat(abs)?.isDirectory() ?? false;
}

/** Drops every cached answer (tests that change files between lints call this). */
export function forgetProbes(): void {
  cache.clear();
  clearing = false;
}
