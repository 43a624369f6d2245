import type { Rule } from '../rule';
import { handlerEntries, has } from './walk';

/** Claude Code evaluates a handler's `if` only on tool events; anywhere else the handler is skipped for good. */
export const ifNeverRuns: Rule = {
  id: 'hooks/if-never-runs',
  meta: {
    description: 'A handler with "if" on an event other than PreToolUse, PostToolUse, PostToolUseFailure, PermissionRequest or PermissionDenied: it never runs.',
    severity: 'error',
  },
  check(ctx) {
    for (const h of handlerEntries(ctx.file.value)) {
      if (h.info.matcher === 'tool' || !has(h.handler, 'if')) continue;
      ctx.report({
        pointer: `${h.pointer}/if`,
        at: 'key',
        message:
          `"if" is evaluated only on tool events (PreToolUse, PostToolUse, PostToolUseFailure, PermissionRequest, PermissionDenied); on ${h.event} a handler with "if" never runs. ` +
          'Remove "if" and do the check inside the hook.',
      });
    }
  },
};
