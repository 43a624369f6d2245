/**
 * models/not-available: a model the same file's availableModels does not allow, matched the way Claude
 * Code matches (family aliases, version prefixes, full IDs; a specific entry turns its family's wildcard
 * off). Claude Code refuses such a model, or skips it in a fallback chain. An error in managed settings,
 * whose list is final; a warning elsewhere, since user, project and local lists are combined.
 */

import { allowVerdict } from '../../models/allowlist';
import { valuePreview } from '../../text/preview';
import type { Rule } from '../rule';
import { ALLOWLIST_GOVERNS } from './sites';
import { catalogOf, modelValues } from './values';

/** At most this many entries are quoted in a message. */
const SHOWN = 6;

export const notAvailable: Rule = {
  id: 'models/not-available',
  meta: {
    description: 'A model outside the same file\'s availableModels: Claude Code refuses it (or skips it in fallbackModel). An error in managed settings, a warning where other files may add to the list.',
    severity: 'error',
  },
  check(ctx) {
    const root = ctx.file.value as Record<string, unknown>;
    if (!Object.prototype.hasOwnProperty.call(root, 'availableModels')) return;
    const list = root.availableModels;
    if (!Array.isArray(list)) return;
    const entries = list.filter((e): e is string => typeof e === 'string');
    const catalog = catalogOf(ctx);
    for (const v of modelValues(ctx)) {
      if (v.kind !== 'list' && !(v.kind === 'one' && ALLOWLIST_GOVERNS.has(v.pointer))) continue;
      if (allowVerdict(v.value, entries, catalog) !== 'refused') continue;
      const effect = v.kind === 'list' ? 'Claude Code skips it in the fallback chain' : 'Claude Code refuses it';
      let why: string;
      if (entries.length === 0) {
        why = 'availableModels in this file is empty, which leaves only Default';
      } else {
        const shown = entries.slice(0, SHOWN).map((e) => JSON.stringify(e)).join(', ') + (entries.length > SHOWN ? ', …' : '');
        const r = v.resolution;
        const family = r.kind === 'model' ? r.model.family : r.kind === 'claude-unknown' ? r.family : undefined;
        const wildcardOff = family && entries.some((e) => e.trim().toLowerCase() === family)
          ? ` (a more specific ${family} entry turns the ${JSON.stringify(family)} wildcard off)`
          : '';
        why = `availableModels in this file allows only ${shown}${wildcardOff}`;
      }
      // A managed list is final; user, project and local lists are combined, so another file may add the model.
      const final = ctx.file.role.scope === 'managed';
      ctx.report({
        pointer: v.pointer,
        severity: final && v.kind !== 'list' ? 'error' : 'warning',
        message: `${v.label} is ${valuePreview(v.value)}, but ${why}: ${effect}${
          final ? '' : ' unless another user, project or local settings file adds it (Claude Code combines those lists)'
        }. Add it to availableModels or choose a model the list allows.`,
      });
    }
  },
};
