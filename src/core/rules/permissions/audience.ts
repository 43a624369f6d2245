/** Who a settings file reaches, in words for messages and as a severity for risky settings. */

import type { Severity } from '../../diagnostic';
import type { FileRole } from '../../scope';

/** Files shared with a team or an organisation: the project file, managed settings and the committed tier file. */
export function isSharedFile(role: FileRole): boolean {
  return role.kind === 'tier-file' || role.scope === 'project' || role.scope === 'managed';
}

/** Error where a risky setting reaches other people, warning where it only affects the one who wrote it. */
export function riskSeverity(role: FileRole): Severity {
  return isSharedFile(role) ? 'error' : 'warning';
}

export function audience(role: FileRole): string {
  if (role.kind === 'tier-file') return 'claude_settings.json is committed and shared with the team';
  switch (role.scope) {
    case 'project':
      return 'project settings apply to everyone who opens this repository and trusts it';
    case 'managed':
      return 'managed settings apply to every user they are deployed to';
    case 'user':
      return 'user settings apply in every project on this machine';
    case 'local':
      return 'local settings apply only to you, in this project';
  }
}
