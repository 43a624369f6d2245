/**
 * tiers/default-not-applied: the repository's claude_settings.json names a defaultModel, but the shared
 * .claude/settings.json, the file Claude Code actually reads, does not start sessions on it. Fixed by
 * writing that model into `model`, spelled the way Claude Code accepts.
 */

import * as path from 'node:path';
import { setValue, replaceValue } from '../../fix/edits';
import { meaningKey } from '../../models/rank';
import { tierFileFor } from '../../models/repo-tier-file';
import { valuePreview } from '../../text/preview';
import type { Rule } from '../rule';
import { catalogOf } from '../models/values';
import { claudeCodeSpelling, rank, show, tierFileLabel } from './intent';

export const defaultNotApplied: Rule = {
  id: 'tiers/default-not-applied',
  meta: {
    description: 'The repository\'s .claude/settings.json does not set "model" to the defaultModel of its claude_settings.json, so the team default never reaches Claude Code.',
    severity: 'warning',
    fixable: true,
    kinds: ['settings'],
  },
  check(ctx) {
    const { role, path: file, value } = ctx.file;
    // The shared project file in a .claude folder: the one a repository commits for everyone.
    if (role.scope !== 'project' || path.basename(path.dirname(path.resolve(file))) !== '.claude') return;
    const tierFile = tierFileFor(file);
    if (!tierFile?.ok || tierFile.plan.defaultModel === undefined) return;
    const catalog = catalogOf(ctx);
    const intended = rank(tierFile.plan.defaultModel, catalog);
    const spelled = claudeCodeSpelling(intended.resolution, intended.written);
    // An unknown default is models/unknown's to report in the tier file; nothing here could fix it.
    if (spelled === undefined) return;
    const where = tierFileLabel(tierFile.path, file);
    const root = value as Record<string, unknown>;
    if (!Object.prototype.hasOwnProperty.call(root, 'model')) {
      ctx.report({
        pointer: '/model',
        message: `This file does not set "model", so the team default in ${where}, defaultModel ${show(intended, catalog)}, never reaches Claude Code, which does not read that file. Add "model": ${JSON.stringify(spelled)}.`,
        fix: setValue(ctx.file, '/model', spelled),
      });
      return;
    }
    const current = root.model;
    if (typeof current !== 'string') return;
    const used = rank(current, catalog);
    if (meaningKey(used.resolution, current) === meaningKey(intended.resolution, intended.written)) return;
    ctx.report({
      pointer: '/model',
      message: `"model" is ${valuePreview(current)}, but the team default in ${where} is defaultModel ${show(intended, catalog)}: sessions in this repository do not start where the team intends. Set "model" to ${JSON.stringify(spelled)}, or change defaultModel if the team's intent has changed.`,
      fix: replaceValue(ctx.file, '/model', spelled),
    });
  },
};
