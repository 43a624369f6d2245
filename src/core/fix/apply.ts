/** Applying fixes to a text, ESLint-style: non-overlapping edits in one pass, later passes for the rest. */

import type { TextEdit } from '../diagnostic';

export interface Applied {
  text: string;
  applied: number;
}

/** Applies every edit that does not overlap an earlier one; the skipped ones wait for the next pass. */
export function applyEdits(text: string, edits: readonly TextEdit[]): Applied {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let out = '';
  let cursor = 0;
  let applied = 0;
  for (const e of sorted) {
    if (e.range[0] < cursor) continue;
    out += text.slice(cursor, e.range[0]) + e.text;
    cursor = e.range[1];
    applied++;
  }
  return { text: out + text.slice(cursor), applied };
}
