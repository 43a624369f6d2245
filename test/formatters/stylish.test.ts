import { stripVTControlCharacters } from 'node:util';
import { formatStylish } from '../../src/formatters/stylish';
import type { FileResult } from '../../src/core/diagnostic';
import { CLEAN_ONLY, RESULTS, context } from './fixtures';

const EXPECTED = [
  '',
  '.claude/settings.local.json',
  '   3:3   error    "permisions" is not a Claude Code setting; did you mean "permissions"?  schema/unknown-key',
  '   3:17  warning  Model "claude-3-opus" is retired; use "opus"                            models/deprecated-alias',
  '  12:9   warning  Bash(curl:*) allows 100%, uploads too. Narrow it                        permissions/broad-allow',
  '',
  'team configs/claude_settings.json',
  '  10:24  error  "cleanupPeriodDays" must be a number, not a string  schema/invalid-type',
  '',
  '\u2716 4 problems (2 errors, 2 warnings)',
  '  1 error and 1 warning potentially fixable with the --fix option.',
  '',
].join('\n');

describe('stylish formatter', () => {
  it('prints an aligned table per file, sorted by position, relative paths, and a summary', () => {
    expect(formatStylish(RESULTS, context())).toBe(EXPECTED);
  });

  it('prints nothing at all when there are no problems', () => {
    expect(formatStylish([], context())).toBe('');
    expect(formatStylish(CLEAN_ONLY, context())).toBe('');
  });

  it('pluralises, and leaves the fixable line out when nothing is fixable', () => {
    const one: FileResult[] = [{ file: 'a.json', diagnostics: [{ ...RESULTS[2]!.diagnostics[0]!, severity: 'warning' }] }];
    expect(formatStylish(one, context())).toBe(
      [
        '',
        'a.json',
        '  10:24  warning  "cleanupPeriodDays" must be a number, not a string  schema/invalid-type',
        '',
        '\u2716 1 problem (0 errors, 1 warning)',
        '',
      ].join('\n'),
    );
  });

  it('adds ANSI colour only when asked, without changing the text', () => {
    const coloured = formatStylish(RESULTS, context({ color: true }));
    expect(coloured).not.toBe(EXPECTED);
    expect(stripVTControlCharacters(coloured)).toBe(EXPECTED);
    expect(coloured).toContain('\u001b[31merror\u001b[39m'); // red errors
    expect(coloured).toContain('\u001b[33mwarning\u001b[39m'); // yellow warnings
    expect(coloured).toContain('\u001b[2m12:9\u001b[22m'); // dim position
    expect(coloured).toContain('\u001b[2mschema/unknown-key\u001b[22m'); // dim rule id
    expect(coloured).toContain('\u001b[4m.claude/settings.local.json\u001b[24m'); // underlined path
    expect(formatStylish(RESULTS, context({ color: false }))).not.toMatch(/\u001b\[/);
  });
});
