/** The permission rule parser: how each form is read, and what it flags (facts §3). */

import { parsePermissionRule, SKIPPED_PROBLEMS, SYNTAX_PROBLEMS, type PermissionRule } from '../../../../src/core/rules/permissions/rule-grammar';

const parse = (text: string, list?: 'allow' | 'ask' | 'deny'): PermissionRule => parsePermissionRule(text, list);

describe('tool names', () => {
  test.each([
    ['Bash', 'Bash', false],
    ['Bash(npm test)', 'Bash', false],
    ['mcp__github__get_issue', 'mcp__github__get_issue', false],
    ['mcp__*', 'mcp__*', true],
    ['*', '*', true],
  ])('%s -> tool %s, glob %s', (text, tool, glob) => {
    const r = parse(text);
    expect(r.tool).toBe(tool);
    expect(r.toolIsGlob).toBe(glob);
    expect(r.problems).toEqual([]);
  });

  test('a bare tool has no specifier and kind none', () => {
    const r = parse('WebSearch');
    expect(r).toMatchObject({ kind: 'none', builtin: { name: 'WebSearch', form: 'none' } });
    expect(r.specifier).toBeUndefined();
  });

  test('an unknown tool is parsed, just not built in', () => {
    const r = parse('Bassh(ls)');
    expect(r.builtin).toBeUndefined();
    expect(r).toMatchObject({ tool: 'Bassh', specifier: 'ls', kind: 'other', problems: [] });
  });

  test('MCP names split into server and tool at the first double underscore', () => {
    expect(parse('mcp__github').mcp).toEqual({ server: 'github' });
    expect(parse('mcp__plugin_docs_search__find__all').mcp).toEqual({ server: 'plugin_docs_search', tool: 'find__all' });
  });

  test('text that is not a command-shaped name is flagged, never treated as a glob', () => {
    for (const text of ['git *', 'bash(ls)', 'Bash without parentheses', 'Read[x]']) {
      const r = parse(text);
      expect(r.problems).toContain('invalid-tool-name');
      expect(r.toolIsGlob).toBe(false);
    }
  });
});

describe('syntax problems (what the schema rejects)', () => {
  test.each([
    ['', 'empty'],
    ['Bash(npm test', 'unclosed-parenthesis'],
    ['Bash()', 'empty-specifier'],
    ['Bash(a))', 'unbalanced-parentheses'],
    ['Bash(a (b)', 'unbalanced-parentheses'],
    ['Bash(x)y', 'text-after-specifier'],
    ['Bash)', 'unbalanced-parentheses'],
  ])('%j -> %s', (text, problem) => {
    const r = parse(text);
    expect(r.problems).toContain(problem);
    expect(r.problems.every((p) => SYNTAX_PROBLEMS.has(p))).toBe(true);
  });

  test('inner parentheses that pair up, or are escaped, are fine', () => {
    expect(parse('Bash(echo $(date))').problems).toEqual([]);
    expect(parse('Bash(echo \\))').problems).toEqual([]);
  });
});

describe('command patterns (Bash, Monitor, PowerShell)', () => {
  test('an exact command', () => {
    expect(parse('Bash(npm run build)').command).toEqual({ pattern: 'npm run build', legacyPrefix: false, head: 'npm run build', wildcards: 0, matchesAll: false });
  });

  test('the legacy :* suffix reads as a space and *', () => {
    expect(parse('Bash(npm run test:*)').command).toEqual({ pattern: 'npm run test *', legacyPrefix: true, head: 'npm run test ', wildcards: 1, matchesAll: false });
    expect(parse('Monitor(tail -f:*)').command?.legacyPrefix).toBe(true);
  });

  test('Bash(*) and Bash(**) match everything', () => {
    expect(parse('Bash(*)').command?.matchesAll).toBe(true);
    expect(parse('Bash(**)').command?.matchesAll).toBe(true);
    expect(parse('Bash(* install)').command?.matchesAll).toBe(false);
  });

  test(':* before the end is skipped by Claude Code', () => {
    const r = parse('Bash(git:* push)');
    expect(r.problems).toEqual(['colon-star-not-at-end']);
    expect(r.problems.every((p) => SKIPPED_PROBLEMS.has(p))).toBe(true);
  });

  test(':* after an earlier * is flagged', () => {
    expect(parse('Bash(git -C * show:*)').problems).toEqual(['colon-star-after-wildcard']);
  });

  test('a colon that is not :* is literal', () => {
    expect(parse('Bash(echo a:b)')).toMatchObject({ kind: 'bash', problems: [] });
  });
});

describe('parameter rules (Tool(param:value), deny and ask only)', () => {
  test('a known parameter of the tool', () => {
    expect(parse('Bash(run_in_background:true)', 'deny')).toMatchObject({ kind: 'param', param: { name: 'run_in_background', value: 'true', primary: false }, problems: [] });
    expect(parse('Agent(model:opus)', 'ask')).toMatchObject({ kind: 'param', param: { name: 'model', value: 'opus' } });
  });

  test('read without a list as in deny and ask', () => {
    expect(parse('Agent(isolation:worktree)').kind).toBe('param');
  });

  test('a primary content field is ignored by Claude Code', () => {
    const r = parse('Bash(command:rm *)', 'deny');
    expect(r).toMatchObject({ kind: 'param', param: { name: 'command', primary: true } });
    expect(r.problems).toEqual(['parameter-on-primary-field']);
    expect(parse('Read(file_path:/etc/passwd)', 'deny').problems).toEqual(['parameter-on-primary-field']);
    expect(parse('WebFetch(url:https://x.example)', 'ask').problems).toEqual(['parameter-on-primary-field']);
  });

  test('in allow, the specifier keeps the tool\'s own syntax', () => {
    const r = parse('Bash(run_in_background:true)', 'allow');
    expect(r).toMatchObject({ kind: 'bash', command: { pattern: 'run_in_background:true' } });
    expect(r.problems).toEqual(['parameter-in-allow']);
    expect(parse('Agent(model:opus)', 'allow')).toMatchObject({ kind: 'agent', problems: ['parameter-in-allow'] });
  });

  test('a name:value that is not a parameter keeps the tool\'s syntax', () => {
    expect(parse('Bash(git:status)', 'deny').kind).toBe('bash');
    expect(parse('Agent(superpowers:code-reviewer)', 'deny').kind).toBe('agent');
    expect(parse('Skill(plugin:review)', 'deny').kind).toBe('skill');
  });

  test('a legacy prefix whose command is also a parameter name stays a prefix', () => {
    expect(parse('Bash(timeout:*)', 'deny')).toMatchObject({ kind: 'bash', command: { legacyPrefix: true, pattern: 'timeout *' } });
  });

  test('tools that take no specifier accept parameter rules', () => {
    expect(parse('WebSearch(query:*)', 'deny')).toMatchObject({ kind: 'param', problems: [] });
    expect(parse('TodoWrite(todos:x)', 'deny').kind).toBe('param');
  });
});

describe('paths (Read, Edit, ..., Cd)', () => {
  test.each([
    ['Read(//etc/passwd)', 'root', 'etc/passwd', false],
    ['Read(~/.ssh/**)', 'home', '.ssh/**', true],
    ['Read(~)', 'home', '', false],
    ['Edit(/src/**/*.ts)', 'settings', 'src/**/*.ts', true],
    ['Read(./.env)', 'cwd', '.env', false],
    ['Read(.env)', 'cwd', '.env', false],
    ['Read(src/[ab].ts)', 'cwd', 'src/[ab].ts', true],
    ['Cd(//tmp/**)', 'root', 'tmp/**', true],
  ])('%s -> %s %s', (text, anchor, path, glob) => {
    expect(parse(text)).toMatchObject({ kind: 'path', path: { anchor, path, glob }, problems: [] });
  });

  test('a Windows drive path is flagged', () => {
    expect(parse('Read(C:\\Users\\me\\x)').problems).toEqual(['windows-path']);
  });
});

describe('WebFetch', () => {
  test('domain: host, lower-cased, trailing dot dropped', () => {
    expect(parse('WebFetch(domain:Docs.Example.COM.)')).toMatchObject({ kind: 'domain', domain: 'docs.example.com', problems: [] });
    expect(parse('WebFetch(domain:*.example.com)').domain).toBe('*.example.com');
  });

  test('without domain: it matches nothing', () => {
    expect(parse('WebFetch(https://example.com)')).toMatchObject({ kind: 'other', problems: ['domain-missing'] });
    expect(parse('WebFetch(*)').problems).toEqual(['domain-missing']);
  });

  test('a URL, path, port or nothing after domain: is flagged', () => {
    for (const text of ['WebFetch(domain:https://x.com)', 'WebFetch(domain:x.com/a)', 'WebFetch(domain:x.com:8080)', 'WebFetch(domain:)']) {
      expect(parse(text).problems).toEqual(['domain-invalid']);
    }
  });
});

test('ClaudeInChromeDomain takes a bare host, a port allowed', () => {
  expect(parse('ClaudeInChromeDomain(Docs.Example.com)')).toMatchObject({ kind: 'domain', domain: 'docs.example.com', problems: [] });
  expect(parse('ClaudeInChromeDomain(localhost:3000)')).toMatchObject({ kind: 'domain', domain: 'localhost:3000', problems: [] });
  expect(parse('ClaudeInChromeDomain(https://x.com/a)').problems).toEqual(['domain-invalid']);
});

describe('specifier forms that do not fit the tool', () => {
  test('a specifier on a tool that takes none', () => {
    expect(parse('WebSearch(claude code)').problems).toEqual(['specifier-not-taken']);
    expect(parse('EnterWorktree(*)').problems).toEqual(['specifier-not-taken']);
  });

  test('parentheses after an MCP name', () => {
    expect(parse('mcp__filesystem(read:/home/user)', 'allow')).toMatchObject({ kind: 'mcp', problems: ['mcp-specifier'] });
    expect(parse('mcp__git(status:*)', 'ask').problems).toEqual(['mcp-specifier']);
    expect(parse('mcp__github__create_issue(repo:*)', 'deny')).toMatchObject({ kind: 'param', problems: [] });
  });

  test('a specifier after a tool-name glob', () => {
    expect(parse('mcp__github__*(x)').problems).toEqual(['glob-tool-with-specifier']);
  });
});

describe('tool-name globs in allow', () => {
  test('anchored after mcp__<server>__ they are fine', () => {
    expect(parse('mcp__github__get_*', 'allow').problems).toEqual([]);
    expect(parse('mcp__github__*', 'allow').problems).toEqual([]);
  });

  test('anywhere else Claude Code skips them', () => {
    for (const text of ['*', 'mcp__*', 'B*', 'mcp__git*']) expect(parse(text, 'allow').problems).toEqual(['unanchored-tool-glob']);
  });

  test('deny and ask may use any glob', () => {
    expect(parse('*', 'deny').problems).toEqual([]);
    expect(parse('mcp__*', 'ask').problems).toEqual([]);
  });
});

test('never throws, whatever the text', () => {
  for (const text of ['(', ')', '()', 'a(b(c(d', '\\', 'Bash(\\', 'Bash(:*', ':*', 'mcp__', 'mcp____', '__proto__', 'constructor(x)', 'Read(//)', 'Bash( )']) {
    expect(() => parse(text)).not.toThrow();
    expect(() => parse(text, 'allow')).not.toThrow();
  }
  expect(parse('__proto__').builtin).toBeUndefined();
  expect(parse('constructor(x)').builtin).toBeUndefined();
});
