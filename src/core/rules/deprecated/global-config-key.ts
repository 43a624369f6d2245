/**
 * deprecated/global-config-key: keys the schema marks x-scope "global-config" (autoConnectIde, diffTool,
 * ...). Claude Code reads them only from ~/.claude.json, so in any settings file they do nothing.
 */

import { pointerFrom } from '../../source/pointer';
import type { Rule } from '../rule';
import { topLevelKeys } from './schema-notes';

export const globalConfigKey: Rule = {
  id: 'deprecated/global-config-key',
  meta: {
    description: 'Global-config keys (autoConnectIde, diffTool, ...) that Claude Code reads only from ~/.claude.json, never from a settings file.',
    severity: 'warning',
  },
  check(ctx) {
    const root = ctx.file.value;
    if (root === null || typeof root !== 'object' || Array.isArray(root)) return;
    for (const key of Object.keys(root)) {
      if (topLevelKeys().get(key)?.['x-scope'] !== 'global-config') continue;
      ctx.report({
        pointer: pointerFrom([key]),
        at: 'key',
        message: `${key} has no effect in a settings file: Claude Code reads it only from ~/.claude.json (global config). Set it there, for example with /config, and remove it here.`,
      });
    }
  },
};
