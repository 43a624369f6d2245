/**
 * deprecated/misplaced-key: top-level keys seen in real settings files that belong somewhere else
 * (mcpServers in .mcp.json, allowedTools in permissions.allow, ...), from keys.json. Each replaces the
 * generic unknown-key report. No fix: moving them would switch on what Claude Code ignores today.
 */

import { pointerFrom } from '../../source/pointer';
import type { Rule } from '../rule';
import keys from './keys.json';

const MISPLACED: ReadonlyMap<string, string> = new Map(Object.entries(keys.misplaced));

export const misplacedKey: Rule = {
  id: 'deprecated/misplaced-key',
  meta: {
    description: 'Top-level keys that belong elsewhere: mcpServers (.mcp.json), allowedTools (permissions.allow), permissionMode (permissions.defaultMode), ...',
    severity: 'warning',
  },
  check(ctx) {
    const root = ctx.file.value;
    if (root === null || typeof root !== 'object' || Array.isArray(root)) return;
    for (const key of Object.keys(root)) {
      const where = MISPLACED.get(key);
      if (where === undefined) continue;
      ctx.report({
        pointer: pointerFrom([key]),
        at: 'key',
        replaces: ['schema/unknown-key'],
        message: `${JSON.stringify(key)} is not a Claude Code setting, so it has no effect here: ${where}.`,
      });
    }
  },
};
