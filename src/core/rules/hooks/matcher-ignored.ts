import { remove } from '../../fix/edits';
import { valuePreview } from '../../text/preview';
import type { Rule } from '../rule';
import { groupEntries, has, own } from './walk';

/**
 * A matcher on an event that takes none: Claude Code ignores it and runs the hooks for every occurrence, so
 * the filter the author meant never happens. Removing it changes nothing Claude Code does, hence the fix.
 * "" and "*" mean "everything" anyway and are left alone.
 */
export const matcherIgnored: Rule = {
  id: 'hooks/matcher-ignored',
  meta: {
    description: 'A matcher on an event that takes none (Stop, UserPromptSubmit, ...): Claude Code ignores it and runs the hooks every time.',
    severity: 'warning',
    fixable: true,
  },
  check(ctx) {
    for (const g of groupEntries(ctx.file.value)) {
      if (g.info.matcher !== 'none' || !has(g.group, 'matcher')) continue;
      const matcher = own(g.group, 'matcher');
      if (typeof matcher !== 'string' || matcher === '' || matcher === '*') continue;
      const pointer = `${g.pointer}/matcher`;
      ctx.report({
        pointer,
        message:
          `${g.event} hooks take no matcher, so Claude Code ignores the matcher ${valuePreview(matcher)} and runs these hooks on every ${g.event}. ` +
          'Remove the matcher, and filter inside the hook itself if it should not always act.',
        fix: remove(ctx.file, pointer),
      });
    }
  },
};
