import type { Rule } from '../rule';
import { handlerEntries, handlerType } from './walk';

/** Each event runs only some handler types (prompt and agent hooks need a decision to make, for one). */
export const unsupportedType: Rule = {
  id: 'hooks/unsupported-type',
  meta: {
    description: 'A handler type the event does not run, such as a prompt or agent hook on SessionStart.',
    severity: 'error',
  },
  check(ctx) {
    for (const h of handlerEntries(ctx.file.value)) {
      const type = handlerType(h.handler);
      if (!type || h.info.types.includes(type)) continue;
      ctx.report({
        pointer: `${h.pointer}/type`,
        message: `${h.event} does not run "${type}" hooks (it runs ${h.info.types.map((t) => `"${t}"`).join(', ')}), so this handler never runs. Use one of those types, or move it to an event that supports "${type}" hooks, such as Stop or PreToolUse.`,
      });
    }
  },
};
