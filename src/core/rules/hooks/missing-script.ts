import * as path from 'node:path';
import type { Rule } from '../rule';
import { pathExists } from './fs-probe';
import { scriptRefs } from './script-paths';
import { handlerEntries, own } from './walk';

/**
 * The project root of a project or local settings file: the folder that holds its `.claude` folder, where
 * Claude Code starts and runs hooks. User and managed files, and files outside a `.claude` folder, have no
 * repository to look in.
 */
export function projectRoot(file: string, scope: string): string | undefined {
  if (scope !== 'project' && scope !== 'local') return undefined;
  const dir = path.dirname(path.resolve(file));
  return path.basename(dir) === '.claude' ? path.dirname(dir) : undefined;
}

/**
 * A hook that runs a repository script that is not there fails every time it fires (a PreToolUse guard that
 * fails open guards nothing). Only paths read with confidence are checked: see script-paths.ts.
 */
export const missingScript: Rule = {
  id: 'hooks/missing-script',
  meta: {
    description: 'Hook commands that run a script (./scripts/x.sh, "$CLAUDE_PROJECT_DIR"/.claude/hooks/x.py) missing from the repository.',
    severity: 'warning',
    kinds: ['settings'],
  },
  check(ctx) {
    const root = projectRoot(ctx.file.path, ctx.file.role.scope);
    if (!root) return;
    for (const h of handlerEntries(ctx.file.value)) {
      const command = own(h.handler, 'command');
      if (typeof command !== 'string') continue;
      const args = own(h.handler, 'args');
      const seen = new Set<string>();
      for (const ref of scriptRefs(command, Array.isArray(args) ? args : undefined)) {
        if (ref.relative === '.' || seen.has(ref.relative)) continue;
        seen.add(ref.relative);
        if (pathExists(path.join(root, ref.relative))) continue;
        ctx.report({
          pointer: `${h.pointer}/command`,
          message:
            `This ${h.event} hook runs the script ${JSON.stringify(ref.relative)}, which is not in the repository, so the hook fails every time it fires. ` +
            'Commit the script, or fix the path (relative paths start at the project root, where Claude Code runs hooks; "$CLAUDE_PROJECT_DIR"/… always does).',
        });
      }
    }
  },
};
