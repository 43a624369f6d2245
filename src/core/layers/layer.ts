/** A settings layer: one file's parsed settings and where it sits in Claude Code's precedence. */

import type { Position } from '../source';

/**
 * Claude Code's layers, lowest precedence first (facts §2.1): user < project < local < --settings < managed.
 * `team` layers are cctier's own (org or team files named by `extends`); they rank where config places
 * them, between user and project by default, and are honoured like shared project files.
 */
export type LayerKind = 'user' | 'team' | 'project' | 'local' | 'flag' | 'managed';

export const LAYER_ORDER: readonly LayerKind[] = ['user', 'team', 'project', 'local', 'flag', 'managed'];

export interface Layer {
  kind: LayerKind;
  /** Shown in provenance: "user", "project", "managed", "team:acme-org"... */
  name: string;
  file: string;
  value: Record<string, unknown>;
  /** Where a JSON Pointer's value sits in the file, when the file was parsed with positions. */
  locate?: (pointer: string) => Position | undefined;
}
