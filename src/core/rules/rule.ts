/** The shape every lint rule has: an id, metadata, and a check over one parsed file. */

import type { Severity, TextEdit } from '../diagnostic';
import type { ModelCatalog } from '../models/catalog';
import type { FileKind, FileRole } from '../scope';
import type { JsonNode } from '../source';
import type { SchemaIssue } from '../schema/issues';

/** A parsed settings file, as rules see it. `value` is exactly what JSON.parse gives Claude Code. */
export interface LintFile {
  path: string;
  role: FileRole;
  text: string;
  tree: JsonNode;
  value: unknown;
}

export interface LintOptions {
  /** Unknown top-level keys become errors. */
  strict: boolean;
  /** The model catalog with the team's own models (cctier config `models`); rules use the built-in one without it. */
  catalog?: ModelCatalog;
}

export interface Report {
  /** JSON Pointer to the offending value. */
  pointer: string;
  message: string;
  /** Point at the property name rather than its value (unknown keys, misplaced keys). */
  at?: 'key' | 'value';
  fix?: TextEdit;
  /** The severity this occurrence deserves when the rule's default depends on the case; config still wins. */
  severity?: Severity;
  /**
   * Rule ids (typically schema/*) whose diagnostics at this pointer, or inside it, this report explains
   * better: the engine drops them, so one mistake gives one diagnostic. E.g. tiers/key-in-claude-settings
   * replaces schema/unknown-key for `defaultModel` in .claude/settings.json.
   */
  replaces?: readonly string[];
}

export interface RuleContext {
  readonly file: LintFile;
  readonly options: LintOptions;
  report(report: Report): void;
  /** Schema validation of this file, computed once and shared by the schema rules. */
  schemaIssues(): readonly SchemaIssue[];
}

export interface RuleMeta {
  description: string;
  /** The recommended severity; a team changes it in config. */
  severity: Severity;
  fixable?: boolean;
  /** Which kinds of file the rule looks at; every kind when absent. */
  kinds?: readonly FileKind[];
}

export interface Rule {
  id: string;
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export type { FileRole };
