import { escapeData, escapeProperty, formatGithub } from '../../src/formatters/github';
import type { FileResult } from '../../src/core/diagnostic';
import { CLEAN_ONLY, RESULTS, context } from './fixtures';

describe('github formatter', () => {
  it('prints one workflow command per diagnostic, sorted, with paths relative to cwd', () => {
    expect(formatGithub(RESULTS, context()).split('\n')).toEqual([
      '::error file=.claude/settings.local.json,line=3,col=3,endLine=3,endColumn=15,title=schema/unknown-key::"permisions" is not a Claude Code setting; did you mean "permissions"?',
      '::warning file=.claude/settings.local.json,line=3,col=17,endLine=3,endColumn=32,title=models/deprecated-alias::Model "claude-3-opus" is retired; use "opus".',
      '::warning file=.claude/settings.local.json,line=12,col=9,endLine=12,endColumn=23,title=permissions/broad-allow::Bash(curl:*) allows 100%25, uploads too.%0ANarrow it.',
      '::error file=team configs/claude_settings.json,line=10,col=24,endLine=10,endColumn=28,title=schema/invalid-type::"cleanupPeriodDays" must be a number, not a string.',
    ]);
  });

  it('prints nothing for clean files', () => {
    expect(formatGithub([], context())).toBe('');
    expect(formatGithub(CLEAN_ONLY, context())).toBe('');
  });

  it('escapes data and properties as @actions/core does', () => {
    expect(escapeData('50%: a,b\r\nc')).toBe('50%25: a,b%0D%0Ac');
    expect(escapeProperty('50%: a,b\r\nc')).toBe('50%25%3A a%2Cb%0D%0Ac');
    // `%` first, so an escape sequence already in the text is not mistaken for one.
    expect(escapeData('%0A')).toBe('%250A');
  });

  it('escapes the file property, so a comma or colon in a path cannot end it early', () => {
    const odd: FileResult[] = [{ file: 'a,b:c.json', diagnostics: [{ ...RESULTS[2]!.diagnostics[0]!, file: 'a,b:c.json' }] }];
    expect(formatGithub(odd, context())).toBe(
      '::error file=a%2Cb%3Ac.json,line=10,col=24,endLine=10,endColumn=28,title=schema/invalid-type::"cleanupPeriodDays" must be a number, not a string.',
    );
  });
});
