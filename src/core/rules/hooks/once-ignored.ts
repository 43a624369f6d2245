import { remove } from '../../fix/edits';
import type { Rule } from '../rule';
import { handlerEntries, has } from './walk';

/**
 * `once` is honoured only in a skill's frontmatter; in a settings file Claude Code ignores it and the hook
 * runs every time. Removing it changes nothing Claude Code does, so the fix is safe.
 */
export const onceIgnored: Rule = {
  id: 'hooks/once-ignored',
  meta: {
    description: '"once" on a hook in a settings file: honoured only in skill frontmatter, ignored here.',
    severity: 'warning',
    fixable: true,
  },
  check(ctx) {
    for (const h of handlerEntries(ctx.file.value)) {
      if (!has(h.handler, 'once')) continue;
      const pointer = `${h.pointer}/once`;
      ctx.report({
        pointer,
        at: 'key',
        message:
          `Claude Code ignores "once" in settings files (only a skill's frontmatter honours it), so this ${h.event} hook runs every time. ` +
          'Remove it; to run once per session, move the hook into a skill, or have the script keep a marker file per session_id.',
        fix: remove(ctx.file, pointer),
      });
    }
  },
};
