import * as path from 'node:path';
import { rootShape } from '../../schema/shape';
import { pointerFrom } from '../../source';
import type { Rule } from '../rule';
import { pathExists } from '../hooks/fs-probe';
import { repositoryRoot } from './git-ignore';

/** Top-level keys of settings files and of the tier file, from the schemas (read on first use). */
let keySets: { settings: ReadonlySet<string>; tier: ReadonlySet<string> } | undefined;
function keys(): { settings: ReadonlySet<string>; tier: ReadonlySet<string> } {
  keySets ??= {
    settings: new Set(Object.keys(rootShape('settings').$defs?.settingsKeys?.properties ?? {})),
    tier: new Set(Object.keys(rootShape('tierFile').$defs?.tierKeys?.properties ?? {})),
  };
  return keySets;
}
const IGNORED_KEYS: ReadonlySet<string> = new Set(['$schema']);
/** Names of repositories that hold a person's dotfiles; their claude_settings.json is a copy of ~/.claude/settings.json. */
const DOTFILES_NAME = /dot-?files|dots?$|^\.?dot[-_]|(?:^|[-_.])(?:rc|vimrc|configs?|configfiles|env|environment|setup)$|^home(?:$|[-_.])/i;
/** Files that only a dotfiles repository keeps at its root. */
const DOTFILES_MARKERS = ['.zshrc', '.bashrc', '.bash_profile', '.vimrc', '.tmux.conf', '.gitconfig', 'Brewfile', '.stowrc', 'home.nix', '.chezmoiroot', 'install.conf.yaml'];

/**
 * Claude Code never reads claude_settings.json. Most real ones are dotfiles copies of a user's settings
 * (linked to ~/.claude/settings.json), and those are fine. The file is a team's tier file, where Claude Code
 * keys do nothing, when it holds tier keys, or when it sits at the root of a repository (a `.git` beside it)
 * that is not a dotfiles repository (by name or by the files at its root).
 */
export const tierFileKeys: Rule = {
  id: 'scopes/tier-file-keys',
  meta: {
    description: 'A repository-root claude_settings.json holding Claude Code keys (permissions, hooks, env, model): Claude Code never reads this file.',
    severity: 'warning',
    kinds: ['tier-file'],
  },
  check(ctx) {
    const root = ctx.file.value;
    if (root === null || typeof root !== 'object' || Array.isArray(root)) return;
    const claudeKeys = Object.keys(root).filter((k) => keys().settings.has(k) && !IGNORED_KEYS.has(k));
    if (!claudeKeys.length) return;
    if (!isTeamTierFile(ctx.file.path, root)) return;
    const shown = claudeKeys.slice(0, 6).map((k) => JSON.stringify(k)).join(', ') + (claudeKeys.length > 6 ? ` and ${claudeKeys.length - 6} more` : '');
    ctx.report({
      pointer: pointerFrom([claudeKeys[0]!]),
      at: 'key',
      message:
        `Claude Code never reads claude_settings.json, so ${shown} ${claudeKeys.length === 1 ? 'does' : 'do'} nothing here. ` +
        'Put settings for the whole team in .claude/settings.json and your own in ~/.claude/settings.json; keep only the tier keys (defaultModel, maxModelForRoutineTasks) in this file.',
    });
  },
};

/**
 * Whether a claude_settings.json is the team's tier file rather than a copy of someone's user settings: it
 * holds tier keys, or it sits at a repository root that is not a dotfiles repository.
 */
export function isTeamTierFile(file: string, value: object): boolean {
  if (Object.keys(value).some((k) => keys().tier.has(k))) return true;
  const dir = path.dirname(path.resolve(file));
  if (repositoryRoot(dir) !== dir) return false;
  if (DOTFILES_NAME.test(path.basename(dir))) return false;
  return !DOTFILES_MARKERS.some((m) => pathExists(path.join(dir, m)));
}
