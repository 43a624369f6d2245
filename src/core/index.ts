/** The library entry: what other tools can use without the CLI. */
export type { Diagnostic, FileResult, Severity, TextEdit } from './diagnostic';
export type { Scope, FileKind, FileRole } from './scope';
export { roleFromPath } from './scope';
export { lintBytes } from './lint/lint-text';
export { lintPaths, type LintRequest, type LintOutcome } from './lint/lint-paths';
export { normalizeSeverities } from './lint/severity';
export { loadConfig, ConfigError } from './config/load';
export { RULES, allRuleMeta } from './rules/registry';
