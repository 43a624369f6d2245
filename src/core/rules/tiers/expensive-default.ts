/**
 * tiers/expensive-default: sessions start on an Opus-tier (or higher) model and nothing caps routine work,
 * so day-to-day work runs at the top price. Suggests Sonnet for routine work. Looks at the tier file's
 * defaultModel, and at the `model` of shared settings (project and managed); personal files are left alone.
 */

import type { ModelCatalog } from '../../models/catalog';
import { describeResolution, priceLabel } from '../../models/describe';
import { everydayTierOf } from '../../models/rank';
import { tierFileFor } from '../../models/repo-tier-file';
import { resolveModel, type ModelResolution } from '../../models/resolve';
import { valuePreview } from '../../text/preview';
import type { Rule } from '../rule';
import { catalogOf } from '../models/values';
import { ownString } from './intent';

/** Critical tier (Opus) and above. */
const EXPENSIVE = 3;

function priced(r: ModelResolution): string {
  const model = r.kind === 'model' || r.kind === 'alias' ? r.model : undefined;
  const price = priceLabel(model);
  return `${describeResolution(r)}${price ? `, ${price}` : ''}`;
}

function sonnetText(catalog: ModelCatalog): string {
  const sonnet = resolveModel('sonnet', catalog);
  return `Sonnet (${priced(sonnet)}) handles day-to-day work`;
}

export const expensiveDefault: Rule = {
  id: 'tiers/expensive-default',
  meta: {
    description: 'Sessions start on an Opus-tier or higher model with no routine cap, so routine work runs at the top price; suggests Sonnet for routine work.',
    severity: 'warning',
  },
  check(ctx) {
    const { role, value, path: file } = ctx.file;
    const catalog = catalogOf(ctx);
    if (role.kind === 'tier-file') {
      const written = ownString(value, 'defaultModel');
      if (written === undefined || ownString(value, 'maxModelForRoutineTasks') !== undefined) return;
      const r = resolveModel(written, catalog);
      const tier = everydayTierOf(r, catalog);
      if (tier === null || tier < EXPENSIVE) return;
      ctx.report({
        pointer: '/defaultModel',
        message: `defaultModel is ${valuePreview(written)} (${priced(r)}) and nothing caps routine work, so every session starts at that price. ${sonnetText(catalog)}: set defaultModel to "sonnet" and switch up with /model for production-critical work, or add maxModelForRoutineTasks to make this default a deliberate choice.`,
      });
      return;
    }
    if (role.scope !== 'project' && role.scope !== 'managed') return;
    const written = ownString(value, 'model');
    if (written === undefined) return;
    const r = resolveModel(written, catalog);
    const tier = everydayTierOf(r, catalog);
    if (tier === null || tier < EXPENSIVE) return;
    // With a cap in the repository's tier file, tiers/model-above-cap speaks (or the cap allows this model).
    if (role.scope === 'project') {
      const tierFile = tierFileFor(file);
      if (tierFile?.ok && tierFile.plan.maxModelForRoutineTasks !== undefined) return;
    }
    ctx.report({
      pointer: '/model',
      message: `"model" is ${valuePreview(written)} (${priced(r)}), so every session ${role.scope === 'managed' ? 'in the organisation' : 'in this repository'} starts at that price and nothing caps routine work. ${sonnetText(catalog)}: set "model" to "sonnet" and switch up with /model for production-critical work. ${
        role.scope === 'managed'
          ? 'If this default is the organisation\'s deliberate choice, turn this rule off for this file in cctier config.'
          : 'If this default is deliberate, record it as maxModelForRoutineTasks in claude_settings.json at the repository root.'
      }`,
    });
  },
};
