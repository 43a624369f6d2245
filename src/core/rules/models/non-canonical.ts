/**
 * models/non-canonical: a model cctier recognises, written in a form Claude Code does not accept as is
 * ("opus-4.5", "/model sonnet", "Opus", a snapshot date that does not exist). Fixed to the spelling Claude
 * Code accepts for the same model, except where the written form may carry an intent the fix would drop
 * (a gateway's own name, a -fast or -latest decoration).
 */

import { isVersionPrefix } from '../../models/allowlist';
import { describeResolution } from '../../models/describe';
import { parseModelRef } from '../../models/model-ref';
import { replaceValue } from '../../fix/edits';
import { valuePreview } from '../../text/preview';
import type { Rule } from '../rule';
import { catalogOf, modelValues } from './values';

export const nonCanonicalModel: Rule = {
  id: 'models/non-canonical',
  meta: {
    description: 'Model names Claude Code does not accept as written (shorthand such as "opus-4.5", a /model prefix, odd case); fixable to the form it accepts.',
    severity: 'warning',
    fixable: true,
  },
  check(ctx) {
    const catalog = catalogOf(ctx);
    for (const v of modelValues(ctx)) {
      const r = v.resolution;
      if ((r.kind !== 'model' && r.kind !== 'alias') || r.canonical) continue;
      // A gateway route names the model the gateway's way; that spelling is the right one there.
      if (r.kind === 'model' && r.via === 'gateway') continue;
      if (v.kind === 'allowlist' && isVersionPrefix(v.value, catalog)) continue;
      const ref = parseModelRef(v.value);
      const target = r.suggestion;
      if (target === v.value) continue;
      const why =
        v.kind === 'tier'
          ? 'cctier understands it, but write it the way Claude Code does, so the same string works in .claude/settings.json and with /model.'
          : 'Claude Code passes the name to the API as written, and the API does not know this spelling.';
      const decorated = ref.markers.decorated;
      ctx.report({
        pointer: v.pointer,
        message: `${v.label} is ${valuePreview(v.value)}: write ${JSON.stringify(target)} (${describeResolution(r)}). ${why}${
          decorated ? ' Not fixed automatically: the decoration (-latest, -fast, -thinking) may mean something to your gateway.' : ''
        }`,
        ...(decorated ? {} : { fix: replaceValue(ctx.file, v.pointer, target) }),
      });
    }
  },
};
