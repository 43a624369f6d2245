/** Comparing rules: the same meaning written two ways, and certain coverage of one rule by another. */

import { covers, isUsable, meaningKey } from '../../../../src/core/rules/permissions/rule-cover';
import { parsePermissionRule } from '../../../../src/core/rules/permissions/rule-grammar';

const allow = (t: string) => parsePermissionRule(t, 'allow');
const deny = (t: string) => parsePermissionRule(t, 'deny');

describe('meaningKey: forms Claude Code documents as equal', () => {
  test.each([
    ['Bash', 'Bash(*)'],
    ['Bash(ls:*)', 'Bash(ls *)'],
    ['WebFetch', 'WebFetch(domain:*)'],
    ['WebFetch(domain:Example.COM)', 'WebFetch(domain:example.com)'],
    ['mcp__github', 'mcp__github__*'],
    ['Task(Explore)', 'Agent(Explore)'],
    ['Read(./src/a.ts)', 'Read(src/a.ts)'],
    ['PowerShell(Get-Item *)', 'PowerShell(get-item *)'],
  ])('%s == %s', (a, b) => {
    expect(meaningKey(allow(a))).toBe(meaningKey(deny(b)));
  });

  test.each([
    ['Read(./.env)', 'Read(.env)'], // a bare name matches at any depth
    ['Bash(ls *)', 'Bash(ls*)'], // the space is a word boundary
    ['Bash(run_in_background:true)', 'Bash(run_in_background:true)'], // a command in allow, a parameter rule in deny
    ['mcp__github__get_issue', 'mcp__github'],
  ])('%s != %s', (a, b) => {
    expect(meaningKey(allow(a))).not.toBe(meaningKey(deny(b)));
  });
});

describe('covers: certain cases', () => {
  test.each([
    ['Bash', 'Bash(git push origin main)'],
    ['Bash(*)', 'Bash(npm test)'],
    ['Bash(git push *)', 'Bash(git push origin main)'],
    ['Bash(git push:*)', 'Bash(git push --force *)'],
    ['Bash(git push*)', 'Bash(git pushx)'],
    ['*', 'Read(./a)'],
    ['mcp__*', 'mcp__github__get_issue'],
    ['mcp__*', 'mcp__github'],
    ['mcp__github', 'mcp__github__get_issue'],
    ['mcp__github__*', 'mcp__github__get_issue'],
    ['mcp__github__get_*', 'mcp__github__get_issue'],
    ['Read(./src/**)', 'Read(./src/a.ts)'],
    ['Read(src/**)', 'Read(./src/deep/a.ts)'],
    ['Read(~/.ssh/**)', 'Read(~/.ssh/id_rsa)'],
    ['Read(//**)', 'Read(~/anything)'],
    ['Read(**)', 'Read(.env)'],
    ['WebFetch(domain:*.example.com)', 'WebFetch(domain:api.example.com)'],
    ['WebFetch(domain:*.example.com)', 'WebFetch(domain:*.api.example.com)'],
    ['WebFetch', 'WebFetch(domain:example.com)'],
    ['Agent', 'Task(Explore)'],
  ])('%s covers %s', (broad, narrow) => {
    expect(covers(deny(broad), allow(narrow))).toBe(true);
  });
});

describe('covers: never when unsure', () => {
  test.each([
    ['Bash(git push *)', 'Bash(git push)'], // does "git push *" match "git push" alone? not documented
    ['Bash(git push *)', 'Bash(git pushx)'],
    ['Bash(git * main)', 'Bash(git log main)'], // middle wildcards: not analysed
    ['Bash(npm test)', 'Bash(npm test *)'],
    ['Read(./src/**)', 'Read(a.ts)'], // a bare name matches at any depth
    ['Read(./src/**)', 'Read(./srcx/a.ts)'],
    ['Read(./src/**)', 'Read(./src/../secrets/key)'],
    ['Read(./src/**)', 'Read(~/src/a.ts)'],
    ['Read(./s*c/**)', 'Read(./src/a.ts)'],
    ['WebFetch(domain:*.example.com)', 'WebFetch(domain:example.com)'], // the apex is not a subdomain
    ['WebFetch(domain:*.example.com)', 'WebFetch(domain:ex*.example.com)'],
    ['PowerShell(get-item *)', 'PowerShell(Get-Item x)'], // case-insensitive, aliases: not analysed
    ['Bash(command:rm *)', 'Bash(rm -rf /)'], // skipped by Claude Code
    ['Edit(./src/**)', 'Write(./src/a.ts)'], // different tools
    ['mcp__github', 'mcp__gitlab__x'],
    ['Bash(git push *)', 'Bash'], // a scoped deny never covers a whole tool
  ])('%s does not cover %s', (broad, narrow) => {
    expect(covers(deny(broad), allow(narrow))).toBe(false);
  });
});

test('rules Claude Code skips or never consults are not usable', () => {
  expect(isUsable(deny('Bash(git:* push)'))).toBe(false);
  expect(isUsable(deny('Bash(command:rm *)'))).toBe(false);
  expect(isUsable(allow('mcp__*'))).toBe(false);
  expect(isUsable(deny('Write(./src/**)'))).toBe(false);
  expect(isUsable(deny('Write'))).toBe(true);
  expect(isUsable(deny('Bash()'))).toBe(false);
  expect(isUsable(deny('Read(./src/**)'))).toBe(true);
});
