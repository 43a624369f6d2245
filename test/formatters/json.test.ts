import { formatJson } from '../../src/formatters/json';
import { AWKWARD_MESSAGE, CLEAN_ONLY, RESULTS, context } from './fixtures';

describe('json formatter', () => {
  const output = formatJson(RESULTS, context());
  const parsed = JSON.parse(output) as unknown[];

  it('is one unindented line', () => {
    expect(output).not.toContain('\n');
    expect(output).toBe(JSON.stringify(parsed));
  });

  it("gives ESLint's result shape, one entry per file linted, clean files included", () => {
    expect(parsed).toEqual([
      {
        filePath: '/work/project/.claude/settings.json',
        messages: [],
        errorCount: 0,
        warningCount: 0,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
        fatalErrorCount: 0,
        suppressedMessages: [],
        usedDeprecatedRules: [],
      },
      {
        filePath: '/work/project/.claude/settings.local.json',
        messages: [
          {
            ruleId: 'schema/unknown-key',
            severity: 2,
            message: '"permisions" is not a Claude Code setting; did you mean "permissions"?',
            line: 3,
            column: 3,
            endLine: 3,
            endColumn: 15,
            fix: { range: [4, 16], text: '"permissions"' },
          },
          {
            ruleId: 'models/deprecated-alias',
            severity: 1,
            message: 'Model "claude-3-opus" is retired; use "opus".',
            line: 3,
            column: 17,
            endLine: 3,
            endColumn: 32,
            fix: { range: [40, 55], text: '"opus"' },
          },
          {
            ruleId: 'permissions/broad-allow',
            severity: 1,
            message: AWKWARD_MESSAGE,
            line: 12,
            column: 9,
            endLine: 12,
            endColumn: 23,
          },
        ],
        errorCount: 1,
        warningCount: 2,
        fixableErrorCount: 1,
        fixableWarningCount: 1,
        fatalErrorCount: 0,
        suppressedMessages: [],
        usedDeprecatedRules: [],
      },
      {
        filePath: '/work/project/team configs/claude_settings.json',
        messages: [
          {
            ruleId: 'schema/invalid-type',
            severity: 2,
            message: '"cleanupPeriodDays" must be a number, not a string.',
            line: 10,
            column: 24,
            endLine: 10,
            endColumn: 28,
          },
        ],
        errorCount: 1,
        warningCount: 0,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
        fatalErrorCount: 0,
        suppressedMessages: [],
        usedDeprecatedRules: [],
      },
    ]);
  });

  it('leaves out the source text and internal fields', () => {
    expect(output).not.toContain('"source"');
    expect(output).not.toContain('"pointer"');
    expect(output).not.toContain('"file"');
  });

  it('keeps clean files and empty runs', () => {
    expect(JSON.parse(formatJson(CLEAN_ONLY, context()))).toHaveLength(1);
    expect(formatJson([], context())).toBe('[]');
  });
});
