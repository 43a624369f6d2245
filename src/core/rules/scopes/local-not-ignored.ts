import * as path from 'node:path';
import type { Rule } from '../rule';
import { gitIgnores } from './git-ignore';

/**
 * A `.claude/settings.local.json` that git does not ignore gets committed sooner or later, and with it one
 * person's permissions, paths and often tokens. Claude Code adds it to the user's global git excludes only
 * when it creates the file itself; a file made by hand, or on another machine, is not covered.
 */
export const localNotIgnored: Rule = {
  id: 'scopes/local-not-ignored',
  meta: {
    description: 'A .claude/settings.local.json that git does not ignore (or that is committed).',
    severity: 'warning',
    kinds: ['settings'],
  },
  check(ctx) {
    const { path: file, role } = ctx.file;
    // Claude Code reads local settings only from a .claude folder; elsewhere being committed does not matter.
    if (role.scope !== 'local' || path.basename(path.dirname(path.resolve(file))) !== '.claude') return;
    const answer = gitIgnores(file);
    if (answer !== 'not-ignored' && answer !== 'committed') return;
    ctx.report({
      pointer: '',
      message:
        (answer === 'committed'
          ? 'This local settings file is committed to git, so one person\'s permissions, paths and any tokens in it are shared with everyone who clones the repository. Run `git rm --cached` on it and add ".claude/settings.local.json" to .gitignore.'
          : 'git does not ignore this local settings file, so one person\'s permissions, paths and any tokens in it can easily be committed. Add ".claude/settings.local.json" to .gitignore.') +
        ' Claude Code adds it to your global git excludes only when it creates the file itself.',
    });
  },
};
