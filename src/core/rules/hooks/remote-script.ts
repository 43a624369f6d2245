import type { Severity } from '../../diagnostic';
import type { Rule } from '../rule';
import { downloadHost, REMOTE_FETCH_PATTERNS } from './remote-fetch-patterns';
import { handlerEntries, own } from './walk';

/**
 * `curl … | sh` in a hook: whoever controls that URL (or the network path to it) runs code on the machine
 * of everyone who uses the file, at every event, with no copy to review. An error in files a team shares
 * (project, managed, the committed claude_settings.json); a warning in one person's own files.
 */
export const remoteScript: Rule = {
  id: 'hooks/remote-script',
  meta: {
    description: 'Hook commands that download code and run it straight away (curl … | sh, bash <(curl …), irm … | iex).',
    severity: 'error',
  },
  check(ctx) {
    const { role } = ctx.file;
    const severity: Severity = role.kind === 'tier-file' || role.scope === 'project' || role.scope === 'managed' ? 'error' : 'warning';
    for (const h of handlerEntries(ctx.file.value)) {
      const command = own(h.handler, 'command');
      if (typeof command !== 'string') continue;
      const args = own(h.handler, 'args');
      const text = Array.isArray(args) ? [command, ...args.filter((a): a is string => typeof a === 'string')].join(' ') : command;
      if (!REMOTE_FETCH_PATTERNS.some((re) => re.test(text))) continue;
      const host = downloadHost(text);
      ctx.report({
        pointer: `${h.pointer}/command`,
        severity,
        message:
          `This ${h.event} hook downloads code${host ? ` from ${host}` : ''} and runs it at once, so whoever controls that address runs code on every machine that uses this file, each time the hook fires. ` +
          'Commit the script to the repository (for example .claude/hooks/) and run it from there: "$CLAUDE_PROJECT_DIR"/.claude/hooks/<name>.sh.',
      });
    }
  },
};
