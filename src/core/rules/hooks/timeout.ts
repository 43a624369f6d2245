import type { Rule } from '../rule';
import { handlerEntries, own, SESSION_END_CAP_SECONDS } from './walk';

/** Beyond an hour a hook timeout is almost always milliseconds written where Claude Code expects seconds. */
const ABSURD_SECONDS = 3600;

/**
 * Timeouts that cannot mean what they say: over an hour (usually milliseconds: 30000 for 30 s), or above
 * the cap on SessionEnd hooks, which all share one short budget while the session closes. Zero and negative
 * values are schema errors already.
 */
export const timeout: Rule = {
  id: 'hooks/timeout',
  meta: {
    description: 'Hook timeouts over an hour (seconds, not milliseconds) or above the 60 s cap on SessionEnd hooks.',
    severity: 'warning',
  },
  check(ctx) {
    for (const h of handlerEntries(ctx.file.value)) {
      const seconds = own(h.handler, 'timeout');
      if (typeof seconds !== 'number' || !(seconds > 0)) continue;
      const pointer = `${h.pointer}/timeout`;
      if (seconds > ABSURD_SECONDS) {
        const hint = seconds >= 1000 ? ` If you meant ${seconds} milliseconds, write ${+(seconds / 1000).toFixed(3)}.` : '';
        ctx.report({
          pointer,
          message: `"timeout" is in seconds, so ${seconds} lets this ${h.event} hook run for over ${Math.floor(seconds / 3600)} hour${seconds >= 7200 ? 's' : ''} before Claude Code cancels it.${hint}`,
        });
      } else if (h.event === 'SessionEnd' && seconds > SESSION_END_CAP_SECONDS) {
        ctx.report({
          pointer,
          message: `SessionEnd hooks get at most ${SESSION_END_CAP_SECONDS} s in all (the session is closing), so a timeout of ${seconds} is cut to ${SESSION_END_CAP_SECONDS}. Keep SessionEnd work short, or hand slow work to a background process and return.`,
        });
      }
    }
  },
};
