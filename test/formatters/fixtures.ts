/** One result set shared by every formatter test: a clean file, errors and warnings, fixes, awkward text. */

import type { FileResult } from '../../src/core/diagnostic';
import type { RuleMeta } from '../../src/core/rules/rule';
import type { FormatContext } from '../../src/formatters/types';

export const CWD = '/work/project';

const LOCAL = '/work/project/.claude/settings.local.json';
/** Relative on purpose: formatters resolve it against the context's cwd. Has a space. */
const TEAM = 'team configs/claude_settings.json';

/** A message with every character the GitHub escaping cares about: `%`, `:`, `,` and a line break. */
export const AWKWARD_MESSAGE = 'Bash(curl:*) allows 100%, uploads too.\nNarrow it.';

export const RESULTS: readonly FileResult[] = [
  { file: '/work/project/.claude/settings.json', source: '{}\n', diagnostics: [] },
  {
    file: LOCAL,
    // Out of source order on purpose: every formatter sorts by line, then column.
    diagnostics: [
      {
        ruleId: 'permissions/broad-allow',
        severity: 'warning',
        message: AWKWARD_MESSAGE,
        file: LOCAL,
        line: 12,
        column: 9,
        endLine: 12,
        endColumn: 23,
        pointer: '/permissions/allow/0',
      },
      {
        ruleId: 'models/deprecated-alias',
        severity: 'warning',
        message: 'Model "claude-3-opus" is retired; use "opus".',
        file: LOCAL,
        line: 3,
        column: 17,
        endLine: 3,
        endColumn: 32,
        pointer: '/model',
        fix: { range: [40, 55], text: '"opus"' },
      },
      {
        ruleId: 'schema/unknown-key',
        severity: 'error',
        message: '"permisions" is not a Claude Code setting; did you mean "permissions"?',
        file: LOCAL,
        line: 3,
        column: 3,
        endLine: 3,
        endColumn: 15,
        pointer: '/permisions',
        fix: { range: [4, 16], text: '"permissions"' },
      },
    ],
  },
  {
    file: TEAM,
    diagnostics: [
      {
        ruleId: 'schema/invalid-type',
        severity: 'error',
        message: '"cleanupPeriodDays" must be a number, not a string.',
        file: TEAM,
        line: 10,
        column: 24,
        endLine: 10,
        endColumn: 28,
        pointer: '/cleanupPeriodDays',
      },
    ],
  },
];

/** Registry order; `hooks/unknown-event` reports nothing in RESULTS, so SARIF must leave it out. */
export const RULES: ReadonlyMap<string, RuleMeta> = new Map<string, RuleMeta>([
  ['schema/unknown-key', { description: 'Keys Claude Code does not read.', severity: 'error', fixable: true }],
  ['schema/invalid-type', { description: 'Values of the wrong type.', severity: 'error' }],
  ['hooks/unknown-event', { description: 'Hook events Claude Code never fires.', severity: 'error' }],
  ['models/deprecated-alias', { description: 'Retired model names.', severity: 'warning', fixable: true }],
  ['permissions/broad-allow', { description: 'Allow rules wider than they look.', severity: 'warning' }],
]);

export function context(overrides: Partial<FormatContext> = {}): FormatContext {
  return { cwd: CWD, color: false, version: '0.1.0', rules: RULES, ...overrides };
}

/** Only the clean file: every formatter still has to cope. */
export const CLEAN_ONLY: readonly FileResult[] = [RESULTS[0]!];
