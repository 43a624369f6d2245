/**
 * tiers/model-above-cap: the model a repository's settings start sessions on ranks above the routine cap
 * in the repository's claude_settings.json.
 */

import type { Rule } from '../rule';
import { tierFileFor } from '../../models/repo-tier-file';
import { catalogOf } from '../models/values';
import { claudeCodeSpelling, ownString, rank, show, tierFileLabel } from './intent';

/** Where a settings file picks the session model: `model`, and ANTHROPIC_MODEL, which beats it. */
const SITES: ReadonlyArray<[pointer: string, label: string, read: (v: unknown) => string | undefined]> = [
  ['/model', 'model', (v) => ownString(v, 'model')],
  ['/env/ANTHROPIC_MODEL', 'env.ANTHROPIC_MODEL', (v) => ownString(ownObject(v, 'env'), 'ANTHROPIC_MODEL')],
];

function ownObject(v: unknown, key: string): unknown {
  return v !== null && typeof v === 'object' && Object.prototype.hasOwnProperty.call(v, key) ? (v as Record<string, unknown>)[key] : undefined;
}

export const modelAboveCap: Rule = {
  id: 'tiers/model-above-cap',
  meta: {
    description: 'A project or local settings file starts sessions on a model above the routine cap (maxModelForRoutineTasks) in the repository\'s claude_settings.json.',
    severity: 'warning',
    kinds: ['settings'],
  },
  check(ctx) {
    const { role, path: file, value } = ctx.file;
    if (role.scope !== 'project' && role.scope !== 'local') return;
    const found = SITES.map(([pointer, label, read]) => ({ pointer, label, written: read(value) })).filter((s) => s.written !== undefined);
    // Only files that pick a model cost a look for the tier file.
    if (found.length === 0) return;
    const tierFile = tierFileFor(file);
    if (!tierFile?.ok) return;
    const capWritten = tierFile.plan.maxModelForRoutineTasks;
    if (capWritten === undefined) return;
    const catalog = catalogOf(ctx);
    const cap = rank(capWritten, catalog);
    if (cap.tier === null) return;
    const where = tierFileLabel(tierFile.path, file);
    const defaultWritten = tierFile.plan.defaultModel;
    const def = defaultWritten !== undefined ? rank(defaultWritten, catalog) : undefined;
    const start = def && def.tier !== null && def.tier <= cap.tier ? def : cap;
    const startSpelled = claudeCodeSpelling(start.resolution, start.written) ?? start.written;
    for (const s of found) {
      const used = rank(s.written!, catalog);
      if (used.tier === null || used.tier <= cap.tier) continue;
      ctx.report({
        pointer: s.pointer,
        message: `${s.label} is ${show(used, catalog)}, above the routine cap in ${where}: maxModelForRoutineTasks is ${show(cap, catalog)}. Every session in this repository would start above the cap. Start on ${JSON.stringify(startSpelled)} and switch up with /model for production-critical work, or raise the cap if routine work here really needs more.`,
      });
    }
  },
};
