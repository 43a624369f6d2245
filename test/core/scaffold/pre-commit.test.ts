import { parse } from 'yaml';
import { planHook, type HookPlan } from '../../../src/core/scaffold/pre-commit';
import { builtinTemplates } from '../../../src/core/scaffold/templates';

const t = builtinTemplates().preCommit;
const plan = (existing: Record<string, string>, huskyDir = false): HookPlan => planHook({ existing, huskyDir, version: '1.2.3' }, t);

function change(p: HookPlan) {
  if (!p.ok) throw new Error(`expected a change, got: ${p.message}`);
  return p.change;
}

const hook = (after: string) => {
  const repos = (parse(after) as { repos: Array<{ repo: string; hooks: Array<Record<string, unknown>> }> }).repos;
  return repos.find((r) => r.repo === 'local')!.hooks.find((h) => h.id === 'cctier')!;
};

describe('planHook', () => {
  it('creates .pre-commit-config.yaml with a local hook pinned to this cctier, matching what cctier lints', () => {
    const c = change(plan({}));
    expect(c.system).toBe('pre-commit');
    expect(c.path).toBe('.pre-commit-config.yaml');
    expect(c.after.startsWith('# pre-commit hooks')).toBe(true);
    const h = hook(c.after);
    expect(h).toMatchObject({ entry: 'cctier lint', language: 'node', additional_dependencies: ['cctier@1.2.3'], types: ['json'] });
    // The same files as the shipped hook definition.
    const shipped = (parse(require('node:fs').readFileSync(require('node:path').join(__dirname, '../../../.pre-commit-hooks.yaml'), 'utf8')) as Array<{ files: string }>)[0]!;
    expect(h.files).toBe(shipped.files);
    expect(c.after).toContain(`files: '${shipped.files}'`);
  });

  it('appends to an existing config without touching its bytes, in either list style', () => {
    const flush = '# our hooks\nrepos:\n- repo: https://github.com/pre-commit/pre-commit-hooks\n  rev: v4.5.0   # pinned\n  hooks:\n  - id: check-json\n\n# keep this comment\nci:\n  autofix_prs: false\n';
    const a = change(plan({ '.pre-commit-config.yaml': flush })).after;
    expect(a.startsWith('# our hooks\nrepos:\n- repo: https://github.com/pre-commit/pre-commit-hooks\n  rev: v4.5.0   # pinned\n  hooks:\n  - id: check-json\n- repo: local\n  hooks:\n  - id: cctier\n')).toBe(true);
    expect(a.endsWith('\n\n# keep this comment\nci:\n  autofix_prs: false\n')).toBe(true);
    expect(hook(a).id).toBe('cctier');

    const indented = 'repos:\n  - repo: https://github.com/x/y\n    rev: v1\n    hooks:\n      - id: a\n';
    const b = change(plan({ '.pre-commit-config.yaml': indented })).after;
    expect(b.startsWith(indented + '  - repo: local\n    hooks:\n      - id: cctier\n')).toBe(true);
    expect(parse(b).repos).toHaveLength(2);
  });

  it('adds a repos list where there is none, and leaves a config that has the hook alone', () => {
    const none = change(plan({ '.pre-commit-config.yaml': 'default_stages: [pre-commit]\n' })).after;
    expect(parse(none)).toMatchObject({ default_stages: ['pre-commit'], repos: [{ repo: 'local' }] });
    const flowList = change(plan({ '.pre-commit-config.yaml': 'repos: []\n' })).after;
    expect(parse(flowList).repos).toHaveLength(1);
    const has = 'repos:\n- repo: https://example.com/cctier\n  rev: v0.1.0\n  hooks:\n  - id: cctier\n';
    expect(change(plan({ '.pre-commit-config.yaml': has }))).toMatchObject({ after: has, changes: [] });
    const again = change(plan({ '.pre-commit-config.yaml': none }));
    expect(again.after).toBe(none);
  });

  it('refuses YAML it cannot read', () => {
    expect(plan({ '.pre-commit-config.yaml': 'repos: [\n' })).toMatchObject({ ok: false, path: '.pre-commit-config.yaml' });
    expect(plan({ '.pre-commit-config.yaml': 'repos: 3\n' })).toMatchObject({ ok: false });
    expect(plan({ '.pre-commit-config.yaml': '- a\n' })).toMatchObject({ ok: false });
  });

  it('uses lint-staged when the repository does, in package.json or a JSON .lintstagedrc', () => {
    const pkg = '{\n  "name": "x",\n  "lint-staged": {\n    "*.ts": "eslint"\n  }\n}\n';
    const c = change(plan({ 'package.json': pkg }, true));
    expect(c.system).toBe('lint-staged');
    expect(c.after).toBe('{\n  "name": "x",\n  "lint-staged": {\n    "*.ts": "eslint",\n    "**/{claude_settings.json,managed-settings.json,.claude/settings.json,.claude/settings.local.json,managed-settings.d/*.json}": "cctier lint"\n  }\n}\n');
    expect(change(plan({ 'package.json': c.after })).changes).toEqual([]);
    const rc = change(plan({ '.lintstagedrc.json': '{"*.js": ["eslint --fix"]}' }));
    expect(JSON.parse(rc.after)['**/{claude_settings.json,managed-settings.json,.claude/settings.json,.claude/settings.local.json,managed-settings.d/*.json}']).toBe('cctier lint');
    expect(plan({ '.lintstagedrc.js': 'module.exports = {}' })).toMatchObject({ ok: false, path: '.lintstagedrc.js' });
    expect(plan({ 'package.json': '{"lint-staged": "x"}' })).toMatchObject({ ok: false });
  });

  it('appends to husky\'s pre-commit hook when there is a .husky folder and no lint-staged', () => {
    const created = change(plan({ 'package.json': '{"name":"x"}' }, true));
    expect(created).toMatchObject({ system: 'husky', path: '.husky/pre-commit', after: 'npx --no-install cctier lint\n' });
    const appended = change(plan({ '.husky/pre-commit': 'npm test' }, true));
    expect(appended.after).toBe('npm test\nnpx --no-install cctier lint\n');
    expect(change(plan({ '.husky/pre-commit': appended.after }, true)).changes).toEqual([]);
  });
});
