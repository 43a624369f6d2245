/** How hook matchers are judged: exact names, MCP names, regexes, and the values of non-tool events. */

import { toolMatcherProblem, valueMatcherProblem } from '../../../../src/core/rules/hooks/matcher';

describe('tool matchers that are fine', () => {
  test.each(['', '*', 'Bash', 'Edit|Write', 'Edit|Write|MultiEdit', 'Edit, Write', 'Task', 'mcp__memory__.*', 'mcp__github__create_issue', 'mcp__.*', '^(Edit|Write)$', '.*', 'SomeFutureTool', 'Notebook.*'])('%j', (m) => {
    expect(toolMatcherProblem(m)).toBeUndefined();
  });
});

describe('tool matchers that never match or over-match', () => {
  test.each([
    ['bash', 'Write "Bash".'],
    ['bash|Edit', 'some of the tools it names'],
    ['Bsh', 'Write "Bash".'],
    ['mcp__memory', 'Write "mcp__memory__.*".'],
    ['Bash(git push*)', '"if": "Bash(git push*)"'],
    ['Write(*.go)|Edit(*.go)', 'Use "Write|Edit" as the matcher'],
    ['write:src/**/*.ts', '"if": "Write(src/**/*.ts)"'],
    ['(Edit|Write', 'not a valid regular expression'],
    ['edit.*', 'case-sensitive'],
    ['Edit.*', 'also matches NotebookEdit. To match only Edit, write "Edit".'],
    ['Write|Edit.*', 'also matches NotebookEdit, TodoWrite'],
  ])('%j', (m, expected) => {
    expect(toolMatcherProblem(m)).toContain(expected);
  });
});

test('a comma list is reported only when an older Claude Code may start', () => {
  expect(toolMatcherProblem('Edit,Write', '2.1.150')).toContain('only from v2.1.191');
  expect(toolMatcherProblem('Edit,Write', '2.1.191')).toBeUndefined();
  expect(toolMatcherProblem('Edit,Write')).toBeUndefined();
});

test('values of events with a closed set', () => {
  const values = ['startup', 'resume', 'clear', 'compact', 'fork'];
  expect(valueMatcherProblem('SessionStart', 'how the session started', values, 'startup|resume')).toBeUndefined();
  expect(valueMatcherProblem('SessionStart', 'how the session started', values, '*')).toBeUndefined();
  expect(valueMatcherProblem('SessionStart', 'how the session started', values, 'Startup')).toContain('did you mean "startup"?');
  expect(valueMatcherProblem('SessionStart', 'how the session started', values, 'Bash')).toContain('(a tool name)');
  // Unknown values may be new ones: only typos and tool names are reported.
  expect(valueMatcherProblem('SessionStart', 'how the session started', values, 'hibernate')).toBeUndefined();
});
