/**
 * The models/* and tiers/* rules through the linter, for what the fixture harness cannot say: the issue's
 * acceptance examples, which other rules stay quiet, the team's catalog, and the tier file's own schema.
 */

import { lintBytes, lintBytesFixing } from '../../../src/core/lint/lint-text';
import { CATALOG } from '../../../src/core/models/catalog';
import { teamCatalog } from '../../../src/core/models/team';
import type { FileRole } from '../../../src/core/scope';

const TIER: FileRole = { kind: 'tier-file', scope: 'user' };
const PROJECT: FileRole = { kind: 'settings', scope: 'project' };
const SETTINGS = { strict: false, severities: new Map() };

function lint(text: string, role: FileRole, extra: object = {}) {
  return lintBytes('/nonexistent/cctier-test/file.json', Buffer.from(text), role, { ...SETTINGS, ...extra }).diagnostics;
}

describe('the articles\' own tier files', () => {
  it.each([
    '{"defaultModel": "sonnet-4-5"}',
    '{"defaultModel": "sonnet-4-5", "maxModelForRoutineTasks": "sonnet-4-5"}',
    '{"defaultModel": "sonnet-4-6"}',
  ])('%s lints with no error (deprecation and spelling warnings only)', (text) => {
    const ds = lint(text, TIER);
    expect(ds.filter((d) => d.severity === 'error')).toEqual([]);
    expect(new Set(ds.map((d) => d.ruleId))).toEqual(
      new Set(text.includes('4-5') ? ['models/non-canonical', 'models/deprecated'] : ['models/non-canonical']),
    );
  });

  it('fails {"defaultModel": "opus-4.5", "maxModelForRoutineTasks": "haiku-4-5"} with tiers/default-above-cap', () => {
    const errors = lint('{"defaultModel": "opus-4.5", "maxModelForRoutineTasks": "haiku-4-5"}', TIER).filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.ruleId, d.pointer])).toEqual([['tiers/default-above-cap', '/defaultModel']]);
  });

  it('fixes their shorthand to what Claude Code accepts, keeping the layout, and a second pass finds nothing', () => {
    const text = '{ "defaultModel": "sonnet-4-5",\n  "maxModelForRoutineTasks": "sonnet-4-5" }\n';
    const fixed = lintBytesFixing('/nonexistent/claude_settings.json', Buffer.from(text), TIER, SETTINGS);
    expect(fixed.output).toBe('{ "defaultModel": "claude-sonnet-4-5",\n  "maxModelForRoutineTasks": "claude-sonnet-4-5" }\n');
    const again = lintBytesFixing('/nonexistent/claude_settings.json', Buffer.from(fixed.output!), TIER, SETTINGS);
    expect(again.output).toBeUndefined();
  });
});

describe('tier keys in a file Claude Code reads', () => {
  it('are reported once, by tiers/key-in-claude-settings, not also by schema/unknown-key', () => {
    const ds = lint('{\n  "defaultModel": "sonnet",\n  "maxModelForRoutineTasks": "sonnet",\n  "tiers": {}\n}', PROJECT);
    expect(ds.map((d) => d.ruleId)).toEqual(['tiers/key-in-claude-settings', 'tiers/key-in-claude-settings', 'tiers/key-in-claude-settings']);
  });

  it('come back as unknown keys when the team turns the tier rule off', () => {
    const ds = lint('{ "defaultModel": "sonnet" }', PROJECT, { severities: new Map([['tiers/key-in-claude-settings', 'off']]) });
    expect(ds.map((d) => d.ruleId)).toEqual(['schema/unknown-key']);
  });

  it('are known keys in the tier file, where a typo still gets did-you-mean', () => {
    expect(lint('{ "defaultModel": "sonnet", "tiers": { "quick": { "model": "haiku" } } }', TIER)).toEqual([]);
    expect(lint('{ "defaultModle": "sonnet" }', TIER).map((d) => d.message)).toEqual([expect.stringContaining('did you mean "defaultModel"?')]);
  });
});

describe('the tier file schema for named tiers', () => {
  it('accepts the articles\' three tiers with tasks and a spend target', () => {
    const text = JSON.stringify({
      defaultModel: 'sonnet',
      maxModelForRoutineTasks: 'sonnet',
      tiers: {
        quick: { model: 'haiku', tasks: ['log summarisation', 'formatting', 'transformations', 'pattern finding', 'extraction'] },
        routine: { model: 'sonnet', tasks: ['features', 'tests', 'bug fixes', 'refactoring', 'code review', 'documentation'] },
        critical: { model: 'opus', tasks: ['production code', 'API interfaces', 'authentication', 'database migrations', 'complex debugging'], maxCostPercent: 25 },
      },
    });
    expect(lint(text, TIER)).toEqual([]);
  });

  it('explains a malformed tier in words', () => {
    const ds = lint('{ "tiers": { "Quick Tier": { "model": "haiku" }, "routine": { "tasks": ["tests"], "maxCostPercent": 140, "modle": "x" } } }', TIER);
    const messages = ds.map((d) => `${d.ruleId}: ${d.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/schema\/invalid-value: "Quick Tier" is not a valid name in tiers: expected a short lowercase name/),
        expect.stringMatching(/schema\/missing-key: .*"model"/),
        expect.stringMatching(/schema\/invalid-value: tiers.routine.maxCostPercent must be at most 100/),
        expect.stringMatching(/schema\/unknown-property: "modle" is not allowed in tiers.routine; did you mean "model"\?/),
      ]),
    );
    for (const m of messages) expect(m).not.toMatch(/must NOT|must match pattern|\^\(/);
  });
});

describe('the team catalog', () => {
  it('makes a gateway model known and ranked, so tier rules work with it', () => {
    const catalog = teamCatalog({ 'glm-4.7': { tier: 'routine', prices: { input: 0.6, output: 2.2 } }, 'big-coder': { tier: 'critical', prices: { input: 9, output: 9 } } });
    expect(lint('{ "defaultModel": "glm-4.7" }', TIER).map((d) => d.ruleId)).toEqual(['models/unknown']);
    expect(lint('{ "defaultModel": "glm-4.7" }', TIER, { catalog })).toEqual([]);
    expect(lint('{ "defaultModel": "big-coder", "maxModelForRoutineTasks": "glm-4.7" }', TIER, { catalog }).map((d) => d.ruleId)).toEqual(['tiers/default-above-cap']);
    expect(lint('{ "defaultModel": "glm-4.7" }', TIER, { catalog: CATALOG }).map((d) => d.ruleId)).toEqual(['models/unknown']);
  });
});

describe('fixes that could change meaning are not offered', () => {
  it.each([
    ['a decorated name', '{ "model": "claude-opus-4-6-fast" }', 'models/non-canonical'],
    ['a successor for a retired model', '{ "model": "claude-3-5-sonnet-20241022" }', 'models/retired'],
    ['defaultModel beside a different model', '{ "model": "haiku", "defaultModel": "sonnet" }', 'tiers/key-in-claude-settings'],
    ['defaultModel naming no known model', '{ "defaultModel": "banana" }', 'tiers/key-in-claude-settings'],
    ['a cap with no tier file to hold it', '{ "maxModelForRoutineTasks": "sonnet" }', 'tiers/key-in-claude-settings'],
  ])('%s', (_what, text, ruleId) => {
    const ds = lint(text, { kind: 'settings', scope: 'local' }).filter((d) => d.ruleId === ruleId);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.fix).toBeUndefined();
  });
});

describe('severities', () => {
  it('follow the site: unknown is an error in the tier file, a warning in settings; config still wins', () => {
    expect(lint('{ "defaultModel": "banana" }', TIER)[0]).toMatchObject({ ruleId: 'models/unknown', severity: 'error' });
    expect(lint('{ "model": "banana" }', PROJECT)[0]).toMatchObject({ ruleId: 'models/unknown', severity: 'warning' });
    expect(lint('{ "model": "banana" }', PROJECT, { severities: new Map([['models/unknown', 'error']]) })[0]).toMatchObject({ severity: 'error' });
  });

  it('never echo a credential-looking value in full', () => {
    const secret = 'sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
    const ds = lint(JSON.stringify({ env: { ANTHROPIC_MODEL: secret } }), PROJECT).filter((d) => d.ruleId.startsWith('models/'));
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).not.toContain(secret.slice(8));
  });
});
