import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintPaths } from '../../../src/core/lint/lint-paths';
import { forgetTierFiles } from '../../../src/core/models/repo-tier-file';
import { allRuleMeta } from '../../../src/core/rules/registry';

function repo(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cctier-agents-'));
  fs.mkdirSync(path.join(dir, '.git'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const agent = (name: string, description: string, model: string): string =>
  `---\nname: ${name}\ndescription: ${description}\nmodel: ${model}\n---\n\nYou summarise logs.\n`;

const lint = (dir: string) =>
  lintPaths({ inputs: ['.'], cwd: dir, strict: false, severities: new Map(), ignorePatterns: [], ignoreBase: dir });

afterEach(() => forgetTierFiles());

test('a walk lints .claude/agents/*.md: a quick-tier agent on Opus is reported at its model line', () => {
  const dir = repo({ '.claude/agents/log-summariser.md': agent('log-summariser', 'Summarise build and test logs', 'opus') });
  const results = lint(dir).results;
  const found = results.flatMap((r) => r.diagnostics).filter((d) => d.ruleId === 'tiers/agent-above-tier');
  expect(found).toHaveLength(1);
  expect(found[0]).toMatchObject({ severity: 'warning', line: 4, file: path.join(dir, '.claude/agents/log-summariser.md') });
});

test('an agent on its tier\'s model, or with no model, is fine; other Markdown is not linted', () => {
  const dir = repo({
    '.claude/agents/log-summariser.md': agent('log-summariser', 'Summarise build and test logs', 'haiku'),
    '.claude/agents/helper.md': '---\nname: helper\ndescription: Summarise logs\n---\n',
    'docs/agents/notes.md': agent('x', 'Summarise logs', 'opus'),
  });
  const results = lint(dir).results;
  expect(results.flatMap((r) => r.diagnostics)).toEqual([]);
  expect(results.map((r) => path.relative(dir, r.file)).sort()).toEqual(['.claude/agents/helper.md', '.claude/agents/log-summariser.md']);
});

test('the rule can be turned off in config', () => {
  const dir = repo({ '.claude/agents/log-summariser.md': agent('log-summariser', 'Summarise build and test logs', 'opus') });
  const results = lintPaths({ inputs: ['.'], cwd: dir, strict: false, severities: new Map([['tiers/agent-above-tier', 'off']]), ignorePatterns: [], ignoreBase: dir }).results;
  expect(results.flatMap((r) => r.diagnostics)).toEqual([]);
});

test('the rule is registered, so config severities, suppressions and SARIF know it', () => {
  expect(allRuleMeta().get('tiers/agent-above-tier')).toMatchObject({ severity: 'warning' });
});
