/** A settings layer: one file's parsed settings and where it sits in Claude Code's precedence. */

import type { Position } from '../source';

/**
 * Claude Code's layers, lowest precedence first (facts §2.1): user < project < local < --settings < managed.
 * `team` layers are cctier's own (org or team files named by `extends` in cctier config); they rank where
 * the config places them (between user and project by default) and are honoured like the shared project
 * file, since they are shared files too.
 */
export type LayerKind = 'user' | 'team' | 'project' | 'local' | 'flag' | 'managed';

export const LAYER_ORDER: readonly LayerKind[] = ['user', 'team', 'project', 'local', 'flag', 'managed'];

/** The kind whose scope rules a layer follows: a team file is a shared file, so it counts as a project file. */
export type ScopeKind = Exclude<LayerKind, 'team'>;

export function scopeKind(kind: LayerKind): ScopeKind {
  return kind === 'team' ? 'project' : kind;
}

export interface Layer {
  kind: LayerKind;
  /** Shown in provenance: "user", "project", "managed (10-security.json)", "team:acme-org"... Unique per merge. */
  name: string;
  file: string;
  value: Record<string, unknown>;
  /**
   * Where `/path` permission rules of this file are anchored (facts §3.5): the project root for project
   * files, ~/.claude for user settings, the start directory for local files, the file's folder for --settings.
   */
  root?: string;
  /** Where a JSON Pointer's value sits in the file, when the file was parsed with positions. */
  locate?: (pointer: string) => Position | undefined;
}
