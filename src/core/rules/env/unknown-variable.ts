/**
 * env/unknown-variable: a name one or two typos away from a variable Claude Code reads
 * (`ANTHROPIC_MODLE`, `CLAUDE_CODE_USE_BEDROK`). Other unknown names are left alone: teams pass their own
 * variables to the processes Claude Code starts. The fix renames the key when one variable is closest.
 */

import { distance } from 'fastest-levenshtein';
import { renameKey } from '../../fix/edits';
import type { Rule } from '../rule';
import { envEntries, envPointer, hasVariable, IGNORED_EVERYWHERE, knownVariables, NAME_GRAMMAR } from './variables';

/** Edits allowed for a name of this length: none below 6 characters, one below 12, then two. */
function allowedEdits(length: number): number {
  return length >= 12 ? 2 : length >= 6 ? 1 : 0;
}

/** `VERTEX_REGION_CLAUDE_4_5_OPUS` -> `VERTEX_REGION_CLAUDE#OPUS`: names that differ only here are versions, not typos. */
const withoutVersion = (s: string): string => s.replace(/_?\d+(?:_\d+)*_?/g, '#');

let byEnds: ReadonlyMap<string, readonly string[]> | undefined;

/**
 * Known names by their first and last four characters. A typo of one or two edits leaves one end intact in
 * practice, so only names sharing an end are compared: a map of thousands of a team's own variables costs
 * a lookup each, not hundreds of edit distances.
 */
function namesByEnds(): ReadonlyMap<string, readonly string[]> {
  if (byEnds) return byEnds;
  const map = new Map<string, string[]>();
  const add = (key: string, name: string): void => {
    const list = map.get(key);
    if (list) list.push(name);
    else map.set(key, [name]);
  };
  for (const name of knownVariables().keys()) {
    add(`^${name.slice(0, 4)}`, name);
    add(`$${name.slice(-4)}`, name);
  }
  byEnds = map;
  return map;
}

/** The known names closest to `name` within the allowed edits, skipping version variants (4_5 vs 4_6). */
export function typoCandidates(name: string): string[] {
  const limit = allowedEdits(name.length);
  if (limit === 0) return [];
  const ends = namesByEnds();
  const pool = new Set([...(ends.get(`^${name.slice(0, 4)}`) ?? []), ...(ends.get(`$${name.slice(-4)}`) ?? [])]);
  let best = limit + 1;
  let out: string[] = [];
  for (const known of pool) {
    if (Math.abs(known.length - name.length) > limit) continue;
    const d = distance(name, known);
    if (d > best || withoutVersion(known) === withoutVersion(name)) continue;
    if (d < best) {
      best = d;
      out = [];
    }
    out.push(known);
  }
  return out;
}

export const unknownVariable: Rule = {
  id: 'env/unknown-variable',
  meta: {
    description: 'env names that look like typos of the variables Claude Code reads, which then have no effect on it.',
    severity: 'warning',
    fixable: true,
  },
  check(ctx) {
    const known = knownVariables();
    for (const [name] of envEntries(ctx.file.value)) {
      if (known.has(name) || IGNORED_EVERYWHERE.has(name) || !NAME_GRAMMAR.test(name)) continue;
      const candidates = typoCandidates(name);
      if (candidates.length === 0) continue;
      const pointer = envPointer(name);
      const only = candidates.length === 1 ? candidates[0]! : undefined;
      const taken = only !== undefined && hasVariable(ctx.file.value, only);
      ctx.report({
        pointer,
        at: 'key',
        message:
          `${name} is not a variable Claude Code reads; did you mean ${candidates.join(' or ')}? ` +
          `As written, it only reaches the processes Claude Code starts` +
          (taken ? `, and ${only} is already set in this file.` : '.'),
        fix: only && !taken ? renameKey(ctx.file, pointer, only) : undefined,
      });
    }
  },
};
