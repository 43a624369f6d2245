import balancedTiers from '../../../src/core/models/balanced-tiers.json';
import { CATALOG, findModel } from '../../../src/core/models/catalog';
import { DEFAULT_GROUPS, FILE_GROUPS, planScaffold, type FileGroup, type ScaffoldInput, type ScaffoldPlan } from '../../../src/core/scaffold/plan';
import { builtinTemplates, PROFILE_NAMES, type ProfileName } from '../../../src/core/scaffold/templates';

const templates = builtinTemplates();

function input(over: Partial<ScaffoldInput> = {}): ScaffoldInput {
  return {
    templates,
    profile: 'balanced',
    catalog: CATALOG,
    existing: {},
    facts: { project: { types: ['node'], commands: ['npm test', 'npm run lint'] }, localSettingsIgnored: false, huskyDir: false },
    groups: DEFAULT_GROUPS,
    force: false,
    version: '0.1.0',
    ...over,
  };
}

const file = (plan: ScaffoldPlan, path: string) => plan.files.find((f) => f.path === path);

/** The repository after the plan: every file's new text over the old ones. */
function applied(existing: Record<string, string>, plan: ScaffoldPlan): Record<string, string> {
  const out = { ...existing };
  for (const f of plan.files) out[f.path] = f.after;
  return out;
}

const EXISTING_STATES: Array<Record<string, string>> = [
  {},
  { '.claude/settings.json': '{}' },
  { '.claude/settings.json': '  \n' },
  { '.claude/settings.json': '{\n    "model": "opus",\n    "permissions": {"allow": ["Bash(ls)"], "deny": []},\n    "hooks": {"Stop": [{"hooks": [{"type": "command", "command": "echo"}]}]}\n}\n' },
  { 'claude_settings.json': '{"defaultModel": "opus-4.5"}', '.gitignore': 'dist' },
  { 'claude_settings.json': '{\n\t"tiers": {"fast": {"model": "haiku", "tasks": ["formatting"]}}\n}', '.claude/agents/log-summariser.md': 'mine\n' },
  { '.pre-commit-config.yaml': 'repos:\n- repo: https://github.com/x/y\n  rev: v1\n  hooks:\n  - id: a\n' },
  { 'package.json': '{"lint-staged": {"*.js": "eslint"}}' },
];

describe('planScaffold', () => {
  it('pins every profile\'s tiers to active catalog models, default at or below the cap', () => {
    for (const profile of PROFILE_NAMES) {
      const plan = planScaffold(input({ profile }));
      const tierFile = JSON.parse(file(plan, 'claude_settings.json')!.after);
      for (const ref of [tierFile.defaultModel, tierFile.maxModelForRoutineTasks, ...Object.values<{ model: string }>(tierFile.tiers).map((t) => t.model)]) {
        const model = findModel(CATALOG, ref);
        expect([profile, ref, model?.status]).toEqual([profile, ref, 'active']);
      }
      expect(findModel(CATALOG, tierFile.defaultModel)!.tier).toBeLessThanOrEqual(findModel(CATALOG, tierFile.maxModelForRoutineTasks)!.tier);
      // Claude Code starts sessions on the tier file's default.
      expect(JSON.parse(file(plan, '.claude/settings.json')!.after).model).toBe(tierFile.defaultModel);
    }
  });

  it('writes the balanced profile with the same tasks `cctier route` uses when a repository has no tier file', () => {
    const tiers = JSON.parse(file(planScaffold(input()), 'claude_settings.json')!.after).tiers;
    for (const [name, t] of Object.entries(balancedTiers.tiers)) expect([name, tiers[name].tasks]).toEqual([name, t.tasks]);
  });

  it('grants only exact project commands, and never reading secrets or pushing unasked', () => {
    const settings = JSON.parse(file(planScaffold(input()), '.claude/settings.json')!.after);
    expect(settings.permissions).toEqual({
      allow: ['Bash(npm test)', 'Bash(npm run lint)'],
      ask: ['Bash(git push)', 'Bash(git push *)'],
      deny: ['Read(.env*)', 'Read(secrets/**)', 'Read(.secrets/**)'],
    });
    const none = planScaffold(input({ facts: { project: { types: [], commands: [] }, localSettingsIgnored: true, huskyDir: false } }));
    expect(JSON.parse(file(none, '.claude/settings.json')!.after).permissions.allow).toBeUndefined();
    expect(none.notes.join(' ')).toContain('permissions.allow is left for you');
    // Already ignored and no .gitignore: nothing to write there.
    expect(file(none, '.gitignore')).toBeUndefined();
  });

  it('changes nothing when planned again over its own output, whatever was there before', () => {
    for (const existing of EXISTING_STATES) {
      for (const profile of PROFILE_NAMES) {
        for (const force of [false, true]) {
          const groups: FileGroup[] = [...FILE_GROUPS];
          const first = planScaffold(input({ existing, profile, force, groups }));
          expect(first.problems).toEqual([]);
          const second = planScaffold(input({ existing: applied(existing, first), profile, force, groups, facts: { ...input().facts, localSettingsIgnored: true } }));
          const changed = second.files.filter((f) => f.action !== 'unchanged').map((f) => [f.path, f.diff]);
          expect([JSON.stringify(existing), profile, force, changed]).toEqual([JSON.stringify(existing), profile, force, []]);
        }
      }
    }
  });

  it('keeps existing values, says so, and replaces them only with force', () => {
    const existing = { '.claude/settings.json': '{"model": "opus", "permissions": {"deny": ["Read(./x)"]}}', '.claude/agents/log-summariser.md': 'mine\n' };
    const kept = planScaffold(input({ existing }));
    const settings = file(kept, '.claude/settings.json')!;
    expect(JSON.parse(settings.after).model).toBe('opus');
    expect(JSON.parse(settings.after).permissions.deny).toEqual(['Read(./x)', 'Read(.env*)', 'Read(secrets/**)', 'Read(.secrets/**)']);
    expect(settings.kept).toEqual(['model stays "opus" (alias for Claude Opus 5.5 today); the balanced profile has "claude-sonnet-5-5" (Claude Sonnet 5.5) (--force replaces it)']);
    const agent = file(kept, '.claude/agents/log-summariser.md')!;
    expect(agent).toMatchObject({ action: 'unchanged', after: 'mine\n' });
    expect(agent.kept[0]).toContain('--force replaces the file');

    const forced = planScaffold(input({ existing, force: true }));
    expect(JSON.parse(file(forced, '.claude/settings.json')!.after).model).toBe('claude-sonnet-5-5');
    expect(file(forced, '.claude/agents/log-summariser.md')!.after).toContain('model: claude-haiku-5-5');
  });

  it('follows the tier file that is there: its default for model, its tiers for the subagents', () => {
    const existing = { 'claude_settings.json': '{"defaultModel": "opus-4.5", "maxModelForRoutineTasks": "opus", "tiers": {"fast": {"model": "claude-haiku-4-5", "tasks": ["log summarisation", "formatting"]}, "deep": {"model": "opus", "tasks": ["production code", "code review"]}}}' };
    const plan = planScaffold(input({ existing }));
    expect(file(plan, 'claude_settings.json')!.kept.map((k) => k.split(' ')[0])).toEqual(['defaultModel', 'maxModelForRoutineTasks', 'tiers']);
    expect(JSON.parse(file(plan, '.claude/settings.json')!.after).model).toBe('claude-opus-4-5');
    expect(file(plan, '.claude/agents/log-summariser.md')!.after).toContain('\nmodel: claude-haiku-4-5\n');
    expect(file(plan, '.claude/agents/data-formatter.md')!.after).toContain('\nmodel: claude-haiku-4-5\n');
    expect(file(plan, '.claude/agents/critical-reviewer.md')!.after).toContain('\nmodel: opus\n');
  });

  it('stops on a settings file it cannot merge into, naming the file and what to do', () => {
    const broken: Array<[string, string]> = [
      ['.claude/settings.json', '{"model": "opus",}'],
      ['.claude/settings.json', '// comment\n{}'],
      ['.claude/settings.json', '["a"]'],
      ['.claude/settings.json', '\uFEFF{}'],
      ['claude_settings.json', '{"a": 1, "a": 2}'],
    ];
    for (const [path, text] of broken) {
      const plan = planScaffold(input({ existing: { [path]: text } }));
      expect(plan.problems).toHaveLength(1);
      expect(plan.problems[0]!.path).toBe(path);
      expect(plan.problems[0]!.message).toMatch(/run init again|lint --fix/);
    }
    // A broken tier file stops the settings too, even when only the settings are asked for.
    expect(planScaffold(input({ existing: { 'claude_settings.json': '{' }, groups: ['settings'] })).problems).toHaveLength(1);
    expect(planScaffold(input({ existing: { 'claude_settings.json': '{' }, groups: ['agents'] })).problems).toEqual([]);
  });

  it('writes only the groups asked for', () => {
    for (const group of FILE_GROUPS) {
      const plan = planScaffold(input({ groups: [group] }));
      expect([group, [...new Set(plan.files.map((f) => f.group))]]).toEqual([group, [group]]);
    }
  });

  it('shows a unified diff for every change', () => {
    const plan = planScaffold(input({ existing: { '.gitignore': 'dist/\n' } }));
    expect(file(plan, 'claude_settings.json')!.diff.split('\n').slice(0, 3)).toEqual(['--- /dev/null', '+++ b/claude_settings.json', expect.stringMatching(/^@@ -0,0 \+1,\d+ @@$/)]);
    expect(file(plan, '.gitignore')!.diff).toBe('--- a/.gitignore\n+++ b/.gitignore\n@@ -1,1 +1,4 @@\n dist/\n+\n+# Claude Code: personal settings, never shared\n+.claude/settings.local.json\n');
  });

  it('rejects a profile that does not exist', () => {
    expect(() => planScaffold(input({ profile: 'lavish' as ProfileName }))).toThrow('no profile named "lavish"');
  });
});
