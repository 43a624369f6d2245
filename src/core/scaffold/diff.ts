/** Unified diffs of what init would write, as `git diff` shows them (a new file comes from /dev/null). */

export function unifiedDiff(path: string, before: string | undefined, after: string): string {
  if (before === after) return '';
  // jsdiff is only needed when a plan is shown.
  const { createTwoFilesPatch } = require('diff') as typeof import('diff');
  const patch = createTwoFilesPatch(before === undefined ? '/dev/null' : `a/${path}`, `b/${path}`, before ?? '', after, undefined, undefined, { context: 3 });
  // jsdiff opens with a ==== banner and leaves a tab after each file name (for the absent headers).
  return patch.replace(/^=+\r?\n/, '').replace(/^((?:---|\+\+\+) .*)\t$/gm, '$1');
}
