/**
 * The built binary's policy commands and `lint --policy`: exit 0 for a repository that follows the policy,
 * 1 for one that breaks it, 2 for a broken or missing policy and an extends cycle; export's files.
 */

import { ensureBuilt, parseJsonReport, STACK_FRAME, TempTree, runCli } from '../cli/run-cli';

const POLICY = `version: 1
layer: org
name: acme-org
models:
  allowed: [haiku, sonnet, opus]
  routineMaxTier: routine
permissions:
  requiredDeny: ["Read(./.env)"]
  forbiddenModes: [bypassPermissions]
`;

let tree: TempTree;

beforeAll(() => {
  ensureBuilt();
  tree = new TempTree('policy');
  tree.write('policy.yaml', POLICY);
  tree.write('cycle-a.yaml', 'version: 1\nextends: ./cycle-b.yaml\n');
  tree.write('cycle-b.yaml', 'version: 1\nextends: ./cycle-a.yaml\n');
  tree.write('broken.yaml', 'version: 1\nmodels: [sonnet]\n');
  tree.write('good/.git/HEAD', 'ref: refs/heads/main\n');
  tree.write('good/.claude/settings.json', '{\n  "model": "sonnet",\n  "permissions": { "deny": ["Read(./.env)"] }\n}\n');
  tree.write('bad/.git/HEAD', 'ref: refs/heads/main\n');
  tree.write('bad/.claude/settings.json', '{\n  "model": "opus",\n  "permissions": { "defaultMode": "bypassPermissions" }\n}\n');
}, 300_000);

afterAll(() => tree?.remove());

function cli(args: string[], cwd = tree.root) {
  const r = runCli(args, { cwd });
  expect(r.signal).toBeNull();
  expect(r.stderr).not.toContain(STACK_FRAME);
  return r;
}

describe('cctier policy check', () => {
  test('exit 0 when the repository follows the policy, 1 when it breaks it', () => {
    expect(cli(['policy', 'check', 'good', '--policy', 'policy.yaml']).status).toBe(0);
    const bad = cli(['policy', 'check', 'bad', '--policy', 'policy.yaml', '--format', 'json']);
    expect(bad.status).toBe(1);
    const ids = parseJsonReport(bad.stdout).flatMap((f) => f.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`));
    expect(ids.sort()).toEqual(['policy/forbidden-mode@3:35', 'policy/required-deny@3:18', 'policy/routine-tier-cap@2:12']);
  });

  test('exit 2 for a missing policy, a broken one and an extends cycle, with the reason', () => {
    const missing = cli(['policy', 'check', 'good', '--policy', 'nope.yaml']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot be found');
    const broken = cli(['policy', 'check', 'good', '--policy', 'broken.yaml']);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/broken\.yaml:2:9 models must be an object, not an array\. \(policy\/invalid\)/);
    const cycle = cli(['policy', 'check', 'good', '--policy', 'cycle-a.yaml']);
    expect(cycle.status).toBe(2);
    expect(cycle.stderr).toContain('policy/extends-cycle');
    expect(cli(['policy', 'check', 'good']).status).toBe(2);
  });
});

describe('cctier lint --policy', () => {
  test('exit 1 for a repository that breaks the policy, 0 for one that follows it', () => {
    const bad = cli(['lint', 'bad', '--policy', 'policy.yaml', '--format', 'json']);
    expect(bad.status).toBe(1);
    expect(parseJsonReport(bad.stdout).flatMap((f) => f.messages.map((m) => m.ruleId))).toEqual(expect.arrayContaining(['policy/forbidden-mode', 'policy/required-deny']));
    expect(cli(['lint', 'good', '--policy', 'policy.yaml']).status).toBe(0);
    expect(cli(['lint', 'good', '--policy', 'cycle-a.yaml']).status).toBe(2);
  });

  test('SARIF knows the policy rules', () => {
    const sarif = JSON.parse(cli(['lint', 'bad', '--policy', 'policy.yaml', '--format', 'sarif']).stdout);
    const rules = sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
    expect(rules).toEqual(expect.arrayContaining(['policy/forbidden-mode', 'policy/required-deny', 'policy/routine-tier-cap']));
  });
});

describe('cctier policy export --managed', () => {
  test('writes a managed file and a drop-in that lint clean as managed settings', () => {
    const r = cli(['policy', 'export', '--managed', '--policy', 'policy.yaml', '--out', 'out']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('models.routineMaxTier');
    expect(JSON.parse(tree.read('out/managed-settings.json'))).toMatchObject({ availableModels: ['haiku', 'sonnet', 'opus'], permissions: { deny: ['Read(./.env)'] } });
    expect(cli(['policy', 'export', '--managed', '--policy', 'policy.yaml', '--out', 'out', '--dropin', '20-acme']).status).toBe(0);
    expect(cli(['lint', 'out/managed-settings.json', 'out/managed-settings.d/20-acme.json', '--scope', 'managed', '--max-warnings', '0']).status).toBe(0);
  });
});
