/** "Did you mean" for keys, values and names. */

import { distance } from 'fastest-levenshtein';

/**
 * The closest candidate, if it is close enough to be a plausible typo: same name in another case, or an
 * edit distance of at most a third of the word (at least 1, at most 3).
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    if (c === word) continue;
    if (c.toLowerCase() === lower) return c;
    const d = isTransposition(lower, c.toLowerCase()) ? 1 : distance(lower, c.toLowerCase());
    if (d < bestScore) {
      bestScore = d;
      best = c;
    }
  }
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  if (best !== undefined && bestScore <= limit) return best;
  return prefixMatch(lower, candidates);
}

/** `PreTool` or `PreToolUseHook` for `PreToolUse`: one candidate that the word starts, or that starts it. */
function prefixMatch(lower: string, candidates: Iterable<string>): string | undefined {
  if (lower.length < 4) return undefined;
  const hits = [...candidates].filter((c) => {
    const cl = c.toLowerCase();
    return (cl.startsWith(lower) || lower.startsWith(cl)) && Math.min(cl.length, lower.length) >= 4;
  });
  return hits.length === 1 ? hits[0] : undefined;
}

export function didYouMean(word: string, candidates: Iterable<string>): string {
  const c = closest(word, candidates);
  return c === undefined ? '' : `; did you mean "${c}"?`;
}

/** Two neighbouring letters swapped ("modle" for "model"): one slip of the fingers, not two edits. */
function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
