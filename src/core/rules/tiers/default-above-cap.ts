/** tiers/default-above-cap: the tier file's session default ranks above its own routine cap. */

import type { Rule } from '../rule';
import { catalogOf } from '../models/values';
import { ownString, rank, show } from './intent';

export const defaultAboveCap: Rule = {
  id: 'tiers/default-above-cap',
  meta: {
    description: 'In claude_settings.json, a defaultModel that ranks above maxModelForRoutineTasks: the default is routine work, so it cannot exceed the routine cap.',
    severity: 'error',
    kinds: ['tier-file'],
  },
  check(ctx) {
    const value = ctx.file.value;
    const d = ownString(value, 'defaultModel');
    const c = ownString(value, 'maxModelForRoutineTasks');
    if (d === undefined || c === undefined) return;
    const catalog = catalogOf(ctx);
    const def = rank(d, catalog);
    const cap = rank(c, catalog);
    // An unrankable side is models/unknown's to report.
    if (def.tier === null || cap.tier === null || def.tier <= cap.tier) return;
    ctx.report({
      pointer: '/defaultModel',
      message: `defaultModel ${show(def, catalog)} ranks above maxModelForRoutineTasks ${show(cap, catalog)}. Sessions start on the default, and that is routine work, so it has to sit at or below the routine cap. Lower defaultModel (to ${JSON.stringify(c)}, say) or raise the cap.`,
    });
  },
};
