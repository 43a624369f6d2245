/** Making git ignore the personal settings file (.claude/settings.local.json), by appending to .gitignore. */

export interface GitignoreChange {
  after: string;
  changes: string[];
  notes: string[];
}

/**
 * `ignored` is git's own answer (`git check-ignore`); the caller asks git, since negations, nested
 * .gitignore files and core.excludesFile all count. When the line is already there and git still does not
 * ignore the file, appending it again would change nothing: say so instead, so a second run stays a no-op.
 */
export function planGitignore(current: string | undefined, ignored: boolean, entry: { path: string; lines: readonly string[] }): GitignoreChange {
  const text = current ?? '';
  if (ignored) return { after: text, changes: [], notes: [] };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  if (lines.includes(entry.path) || lines.includes('/' + entry.path)) {
    return {
      after: text,
      changes: [],
      notes: [`.gitignore lists ${entry.path}, yet git does not ignore it: a later "!" pattern or a .gitignore deeper in the tree undoes it (git check-ignore -v --no-index ${entry.path} shows which).`],
    };
  }
  let prefix = text;
  if (prefix !== '' && !prefix.endsWith('\n')) prefix += eol;
  // A blank line between the file's own entries and ours, unless there is one already.
  if (prefix.trim() !== '' && !/\r?\n\r?\n$/.test(prefix)) prefix += eol;
  return { after: prefix + entry.lines.join(eol) + eol, changes: [`ignore ${entry.path}, each person's own settings`], notes: [] };
}
