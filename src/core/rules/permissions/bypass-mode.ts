/**
 * permissions/bypass-mode: `defaultMode: "bypassPermissions"` starts every session with no permission
 * prompts at all, which the docs reserve for isolated containers and VMs (facts §3.8).
 *   project, managed, tier file: error (it reaches other people's machines);
 *   user: warning (every project on this machine);
 *   local: not reported (one person's choice for one checkout).
 * `skipDangerousModePermissionPrompt: true` is reported as a warning in managed settings and the tier file,
 * where it removes the one confirmation for everyone; in project files Claude Code ignores it (the
 * scopes/* rules say so) and in user and local files it is the user's own choice.
 */

import type { Rule } from '../rule';
import { audience, riskSeverity } from './audience';
import { isPlainObject, own, permissionsView } from './permission-lists';

export const bypassMode: Rule = {
  id: 'permissions/bypass-mode',
  meta: {
    description: 'defaultMode "bypassPermissions" outside local settings, and skipDangerousModePermissionPrompt in shared files.',
    severity: 'error',
  },
  check(ctx) {
    const role = ctx.file.role;
    const view = permissionsView(ctx.file);
    if (role.scope !== 'local' || role.kind === 'tier-file') {
      if (view.object && own(view.object, 'defaultMode') === 'bypassPermissions') {
        ctx.report({
          pointer: '/permissions/defaultMode',
          message: `defaultMode "bypassPermissions" runs every tool call that no deny or ask rule names without asking, and gives no protection against prompt injection; ${audience(role)}. Keep it for isolated containers or VMs (pass --permission-mode bypassPermissions there), and use "acceptEdits" or allow rules here.`,
          severity: riskSeverity(role),
        });
      }
    }
    const root = ctx.file.value;
    const shared = role.kind === 'tier-file' || role.scope === 'managed';
    if (shared && isPlainObject(root) && own(root, 'skipDangerousModePermissionPrompt') === true) {
      ctx.report({
        pointer: '/skipDangerousModePermissionPrompt',
        message: `skipDangerousModePermissionPrompt: true removes the confirmation Claude Code shows before entering bypassPermissions mode; ${audience(role)}. Leave the confirmation on for everyone.`,
        severity: 'warning',
      });
    }
  },
};
