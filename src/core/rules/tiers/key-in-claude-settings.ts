/**
 * tiers/key-in-claude-settings: a tier-file key (defaultModel, maxModelForRoutineTasks, tiers) written into
 * a file Claude Code reads, where it does nothing. Fixed only where the meaning is certain: defaultModel
 * becomes "model" when the file has none and the value names a model, and a key that repeats what "model"
 * or the repository's tier file already says is removed. Replaces schema/unknown-key for these keys.
 */

import { remove, renameKey } from '../../fix/edits';
import { meaningKey } from '../../models/rank';
import { tierFileFor } from '../../models/repo-tier-file';
import type { TextEdit } from '../../diagnostic';
import { valuePreview } from '../../text/preview';
import type { Rule, RuleContext } from '../rule';
import { catalogOf } from '../models/values';
import { ownString, rank, tierKeys } from './intent';

const KEEP_INTENT = 'Keep the team\'s tiering in claude_settings.json at the repository root, where cctier checks Claude Code\'s settings against it.';

function defaultModelAdvice(ctx: RuleContext, written: unknown): { advice: string; fix?: TextEdit } {
  const root = ctx.file.value as Record<string, unknown>;
  const catalog = catalogOf(ctx);
  if (typeof written !== 'string') return { advice: 'Claude Code reads "model".' };
  const intended = rank(written, catalog);
  const hasModel = Object.prototype.hasOwnProperty.call(root, 'model');
  if (!hasModel) {
    // Renaming makes Claude Code use the value, so only a value that names a model is renamed.
    if (intended.resolution.kind !== 'model' && intended.resolution.kind !== 'alias') {
      return { advice: `Claude Code reads "model", but ${valuePreview(written)} is not a model cctier knows: check the name before moving it there.` };
    }
    return {
      advice: `Claude Code reads "model": rename the key to "model" to start sessions on ${valuePreview(written)}.`,
      fix: renameKey(ctx.file, '/defaultModel', 'model'),
    };
  }
  const model = ownString(root, 'model');
  if (model !== undefined && meaningKey(rank(model, catalog).resolution, model) === meaningKey(intended.resolution, written)) {
    return { advice: `"model" already says the same (${valuePreview(model)}), so this key can go.`, fix: remove(ctx.file, '/defaultModel') };
  }
  return { advice: `Claude Code uses "model" (${valuePreview(root.model)}) and ignores this; decide which one the team means and keep it in "model".` };
}

function capAdvice(ctx: RuleContext, written: unknown): { advice: string; fix?: TextEdit } {
  const advice = 'Claude Code has no routine cap setting. To enforce a hard limit, use availableModels.';
  if (typeof written !== 'string') return { advice };
  const tierFile = tierFileFor(ctx.file.path);
  const cap = tierFile?.ok ? tierFile.plan.maxModelForRoutineTasks : undefined;
  if (cap === undefined) return { advice };
  const catalog = catalogOf(ctx);
  if (meaningKey(rank(cap, catalog).resolution, cap) !== meaningKey(rank(written, catalog).resolution, written)) return { advice };
  return { advice: `The repository's claude_settings.json already sets the same cap, so this copy can go. ${advice}`, fix: remove(ctx.file, '/maxModelForRoutineTasks') };
}

export const keyInClaudeSettings: Rule = {
  id: 'tiers/key-in-claude-settings',
  meta: {
    description: 'defaultModel, maxModelForRoutineTasks or tiers in a file Claude Code reads, where they do nothing (Claude Code reads "model"); fixable where the meaning is certain.',
    severity: 'warning',
    fixable: true,
    kinds: ['settings'],
  },
  check(ctx) {
    const root = ctx.file.value as Record<string, unknown>;
    for (const key of tierKeys()) {
      if (!Object.prototype.hasOwnProperty.call(root, key)) continue;
      const { advice, fix } =
        key === 'defaultModel'
          ? defaultModelAdvice(ctx, root[key])
          : key === 'maxModelForRoutineTasks'
            ? capAdvice(ctx, root[key])
            : { advice: 'cctier reads tiers only from claude_settings.json.', fix: undefined };
      ctx.report({
        pointer: `/${key}`,
        at: 'key',
        message: `"${key}" belongs in claude_settings.json, the team's tier file; Claude Code does not read it here, so it does nothing. ${advice}${key === 'defaultModel' ? '' : ` ${KEEP_INTENT}`}`,
        ...(fix ? { fix } : {}),
        replaces: ['schema/unknown-key'],
      });
    }
  },
};
