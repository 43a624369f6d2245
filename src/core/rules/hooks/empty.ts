import { remove } from '../../fix/edits';
import type { Rule } from '../rule';
import { eventEntries, groupEntries, own } from './walk';

/**
 * `"Stop": []` and `{"matcher": "Bash", "hooks": []}` run nothing. Hooks from every layer add up, so an
 * empty entry cannot switch anything off either: removing it is exactly a no-op, hence the fix. A group
 * with other fields beside matcher and hooks is left to hooks/handler-on-group (its fields are the point).
 */
export const empty: Rule = {
  id: 'hooks/empty',
  meta: {
    description: 'Empty event arrays and matcher groups with no handlers: they run nothing and cannot disable hooks from other files.',
    severity: 'warning',
    fixable: true,
  },
  check(ctx) {
    const root = ctx.file.value;
    for (const e of eventEntries(root)) {
      if (e.groups.length > 0) continue;
      ctx.report({
        pointer: e.pointer,
        message: `"${e.event}" has no hooks, so it does nothing (and cannot switch off ${e.event} hooks from other settings files, which add up). Remove it, or add a matcher group: [{"hooks": [{"type": "command", "command": …}]}].`,
        fix: remove(ctx.file, e.pointer),
      });
    }
    for (const g of groupEntries(root)) {
      const handlers = own(g.group, 'hooks');
      if (!Array.isArray(handlers) || handlers.length > 0) continue;
      if (Object.keys(g.group).some((k) => k !== 'matcher' && k !== 'hooks')) continue;
      ctx.report({
        pointer: `${g.pointer}/hooks`,
        message: `This ${g.event} matcher group has an empty "hooks" list, so it runs nothing. Add a handler ({"type": "command", "command": …}) or remove the group.`,
        fix: remove(ctx.file, g.pointer),
      });
    }
  },
};
