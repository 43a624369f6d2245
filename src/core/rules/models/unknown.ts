/**
 * models/unknown: a model reference nothing resolves. In the tier file it is an error, because a cap or
 * default cctier cannot rank enforces nothing; in settings a warning, because gateways pass any name through.
 */

import { isVersionPrefix } from '../../models/allowlist';
import { valuePreview } from '../../text/preview';
import type { Rule } from '../rule';
import { INHERIT_SITES } from './sites';
import { catalogOf, modelValues, type ModelValue } from './values';

const HOW_TO_NAME = 'an alias (sonnet, opus, haiku), a full ID (claude-sonnet-4-6) or a model added in cctier config "models" with a tier';

/** What an unusable name costs at each kind of site. */
function consequence(v: ModelValue): string {
  switch (v.kind) {
    case 'tier':
      return `cctier cannot rank it, so this tier setting enforces nothing. Use ${HOW_TO_NAME}.`;
    case 'allowlist':
      return 'It matches no model, alias or version prefix, so the entry allows nothing.';
    case 'list':
      return 'Claude Code would try it only when the main model fails, and then this fallback fails too.';
    case 'one':
      return 'Claude Code sends model names to the API unchecked, so the first request fails. If a gateway serves this name, add it to cctier config "models".';
  }
}

export const unknownModel: Rule = {
  id: 'models/unknown',
  meta: {
    description: 'Model references cctier cannot resolve: an error in the tier file (a cap on an unknown model enforces nothing), a warning in settings and env variables.',
    severity: 'warning',
  },
  check(ctx) {
    const catalog = catalogOf(ctx);
    for (const v of modelValues(ctx)) {
      const r = v.resolution;
      const shown = valuePreview(v.value);
      switch (r.kind) {
        case 'unknown': {
          if (v.kind === 'allowlist' && isVersionPrefix(v.value, catalog)) break;
          const guess = r.bestGuess ? ` Did you mean ${JSON.stringify(r.bestGuess)}?` : '';
          ctx.report({
            pointer: v.pointer,
            severity: v.kind === 'tier' ? 'error' : 'warning',
            message: `${v.label} is ${shown}, which is not a model cctier knows.${guess} ${consequence(v)}`,
          });
          break;
        }
        case 'claude-unknown': {
          // A version above the catalog's newest is most likely a model released since: not a mistake.
          if (r.newerThanCatalog) break;
          const family = r.family.charAt(0).toUpperCase() + r.family.slice(1);
          const what = r.version ? `there is no Claude ${family} ${r.version}` : `it names the ${family} family but no version`;
          const guess = r.guess ? ` Did you mean ${JSON.stringify(r.guess)}?` : '';
          ctx.report({
            pointer: v.pointer,
            message: `${v.label} is ${shown}, but ${what} in cctier's catalog (as of ${catalog.asOf}).${guess} ${
              v.kind === 'tier' ? 'cctier ranks it by its family only.' : consequence(v)
            }`,
          });
          break;
        }
        case 'non-claude':
          // Another vendor's model is fine in settings; only a tier needs to know where it ranks.
          if (v.kind !== 'tier') break;
          ctx.report({
            pointer: v.pointer,
            severity: 'warning',
            message: `${v.label} is ${shown}, ${r.vendorGuess ? `a ${r.vendorGuess} model` : 'not a Claude model'} cctier has no tier for, so it cannot compare it with other models. Add it to cctier config "models" with a tier (quick, routine, critical or frontier).`,
          });
          break;
        case 'alias':
          if (r.tier !== null) break;
          if (v.kind === 'tier') {
            ctx.report({
              pointer: v.pointer,
              severity: 'error',
              message: `${v.label} is ${shown}, which names no fixed model (${r.alias === 'default' ? 'it means the account\'s default, which the plan and organisation decide' : 'it means the parent conversation\'s model'}), so cctier cannot rank it. Name a model: ${HOW_TO_NAME}.`,
            });
          } else if (r.definition.subagentOnly && !INHERIT_SITES.has(v.pointer)) {
            ctx.report({
              pointer: v.pointer,
              message: `${v.label} is ${shown}, which only means something in subagent, skill and command frontmatter (and CLAUDE_CODE_SUBAGENT_MODEL): use the parent conversation's model. Here Claude Code has no parent to inherit from; name a model or remove the setting.`,
            });
          }
          break;
        default:
          break;
      }
    }
  },
};
