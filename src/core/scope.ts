/** Which settings layer a file belongs to, and what kind of file it is. */

import * as path from 'node:path';

export const SCOPES = ['user', 'project', 'local', 'managed'] as const;
export type Scope = (typeof SCOPES)[number];

/** `settings`: a file Claude Code reads. `tier-file`: the team's claude_settings.json, which only cctier reads. */
export type FileKind = 'settings' | 'tier-file';

export interface FileRole {
  kind: FileKind;
  scope: Scope;
}

export const TIER_FILE_NAME = 'claude_settings.json';

/**
 * Infers a file's role from its path. `home` is the user's home directory (or CLAUDE_CONFIG_DIR's parent
 * layout): `<home>/.claude/settings.json` is user settings, any other `.claude/settings.json` is project.
 * A claude_settings.json is the tier file, linted as user settings: many are dotfiles copies of
 * ~/.claude/settings.json. Any other name is most likely a personal copy or a file for `claude --settings`,
 * both honoured like user settings, so that is the default (--scope says otherwise).
 */
export function roleFromPath(file: string, home?: string, configDir?: string): FileRole {
  const abs = path.resolve(file);
  const base = path.basename(abs);
  const dir = path.dirname(abs);
  if (base === TIER_FILE_NAME) return { kind: 'tier-file', scope: 'user' };
  if (base === 'managed-settings.json' || path.basename(dir) === 'managed-settings.d') {
    return { kind: 'settings', scope: 'managed' };
  }
  if (base === 'settings.local.json') return { kind: 'settings', scope: 'local' };
  if (base === 'settings.json') {
    if (configDir && dir === path.resolve(configDir)) return { kind: 'settings', scope: 'user' };
    if (home && dir === path.join(path.resolve(home), '.claude')) return { kind: 'settings', scope: 'user' };
    if (path.basename(dir) === '.claude') return { kind: 'settings', scope: 'project' };
  }
  return { kind: 'settings', scope: 'user' };
}
