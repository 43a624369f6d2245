/**
 * No output format ever shows a credential: files holding secrets in every place a settings file can hold
 * one are linted with every rule, and each formatter's output is searched for each secret and for every
 * 12-character piece of it.
 */

import type { FileResult } from '../../../../src/core/diagnostic';
import { lintBytes } from '../../../../src/core/lint/lint-text';
import { allRuleMeta } from '../../../../src/core/rules/registry';
import type { FileRole } from '../../../../src/core/scope';
import { FORMAT_NAMES, loadFormatter } from '../../../../src/formatters';

// Shaped like real credentials, made up.
const SECRETS = {
  anthropic: 'sk-ant-api03-Qm3Vx9Lk2Tw7Pb4Rn8Yc1Hd5Ej6Ua0FsZx8Qk2mVt7Lw9PbR4nYc1HdEj6-AAAAAAAA',
  openrouter: 'sk-or-v1-EXAMPLEREDACTEDEXAMPLEREDACTEDEXAMPLEREDACTEDEXAMPLEREDACTEDEXAM',
  gateway: 'GWEXAMPLEREDACTEDTOKEN0042',
  github: 'ghp_Rn8Yc1Hd5Ej6Ua0FsZx8Qk2mVt7Lw9PbR4nY',
  aws: 'AKIAQM3VX9LK2TW7PB4R',
  jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaS1ib3QiLCJyb2xlIjoiYWRtaW4ifQ.Qm3Vx9Lk2Tw7Pb4Rn8Yc1Hd5Ej6Ua0Fs',
  random: 'Qm3Vx9Lk2Tw7Pb4Rn8Yc1Hd5Ej6Ua0Fs',
  password: 'CorrectHorseBatteryStaple42',
  header: 'HdrEXAMPLEREDACTEDvalue99',
  urlPassword: 'UrlPassEXAMPLEREDACTED7',
  otel: 'OtelEXAMPLEREDACTEDkey123',
  mcp: 'McpEXAMPLEREDACTEDsecret5',
};

const SETTINGS = (s: typeof SECRETS): string =>
  JSON.stringify(
    {
      env: {
        ANTHROPIC_BASE_URL: 'https://gateway.example.com',
        ANTHROPIC_AUTH_TOKEN: s.gateway,
        ANTHROPIC_API_KYE: s.anthropic,
        GH_TOKEN_FOR_HOOKS: s.github,
        AWS_ACCESS_KEY_ID: s.aws,
        OTEL_EXPORTER_OTLP_HEADERS: `Authorization=Bearer ${s.otel}`,
        SERVICE_TOKEN: s.jwt,
        OPAQUE: s.random,
        MAX_THINKING_TOKENS: 8000,
        'bad-name': s.openrouter,
      },
      apiKeyHelper: `echo ${s.anthropic}`,
      permissions: {
        allow: [`Bash(PGPASSWORD=${s.password} psql *)`, `Bash(curl -H "Authorization: Bearer ${s.github}" *)`, `Bash(PGPASSWORD=${s.password} psql`],
        defaultMode: s.openrouter,
      },
      hooks: {
        PreToolUse: [
          {
            matcher: 'Bash',
            hooks: [
              { type: 'command', command: `curl -s -H "x-api-key: ${s.header}" https://hooks.example.com` },
              { type: 'http', url: 'https://hooks.example.com', headers: { Authorization: `Bearer ${s.header}` } },
            ],
          },
        ],
        SessionStart: [{ matcher: s.github, hooks: [{ type: 'command', command: 'true' }] }],
      },
      extraKnownMarketplaces: {
        team: { source: { source: 'git', url: `https://ci:${s.urlPassword}@git.example.com/plugins.git` } },
      },
      mcpServers: { db: { command: 'db-mcp', env: { DB_PASSWORD: s.mcp } } },
      model: s.openrouter,
      cleanupPeriodDays: s.random,
    },
    null,
    2,
  );

const ROLES: Array<[string, FileRole]> = [
  ['/repo/.claude/settings.json', { kind: 'settings', scope: 'project' }],
  ['/repo/.claude/settings.local.json', { kind: 'settings', scope: 'local' }],
  ['/etc/claude-code/managed-settings.json', { kind: 'settings', scope: 'managed' }],
  ['/home/dev/.claude/settings.json', { kind: 'settings', scope: 'user' }],
  ['/repo/claude_settings.json', { kind: 'tier-file', scope: 'user' }],
];

function pieces(secret: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 12 <= secret.length; i++) out.push(secret.slice(i, i + 12));
  return out;
}

const text = SETTINGS(SECRETS);
// Results as formatters receive them, without the source text (which only --fix output carries).
const results: FileResult[] = ROLES.map(([file, role]) => {
  const r = lintBytes(file, Buffer.from(text, 'utf8'), role, { strict: true, severities: new Map() });
  return { file: r.file, diagnostics: r.diagnostics };
});

test('the files really hold the secrets, and the secrets rule finds each place', () => {
  for (const secret of Object.values(SECRETS)) expect(text).toContain(secret);
  const found = results[0]!.diagnostics.filter((d) => d.ruleId === 'secrets/committed-credential').map((d) => d.pointer);
  expect(found).toEqual(
    expect.arrayContaining([
      '/env/ANTHROPIC_AUTH_TOKEN',
      '/env/ANTHROPIC_API_KYE',
      '/env/GH_TOKEN_FOR_HOOKS',
      '/env/AWS_ACCESS_KEY_ID',
      '/env/OTEL_EXPORTER_OTLP_HEADERS',
      '/env/SERVICE_TOKEN',
      '/env/OPAQUE',
      '/apiKeyHelper',
      '/permissions/allow/0',
      '/permissions/allow/1',
      '/hooks/PreToolUse/0/hooks/0/command',
      '/hooks/PreToolUse/0/hooks/1/headers/Authorization',
      '/extraKnownMarketplaces/team/source/url',
      '/mcpServers/db/env/DB_PASSWORD',
    ]),
  );
  // Other rules speak about the same values (schema messages quote them): they must redact too.
  expect(results[0]!.diagnostics.some((d) => d.ruleId.startsWith('schema/'))).toBe(true);
});

describe.each(FORMAT_NAMES.map((name) => [name]))('%s output', (name) => {
  const output = loadFormatter(name)(results, { cwd: '/repo', color: false, version: '0.0.0-test', rules: allRuleMeta() });

  it('is not empty', () => expect(output.length).toBeGreaterThan(0));

  it.each(Object.entries(SECRETS))('never contains the %s secret or any 12 characters of it', (_kind, secret) => {
    expect(output).not.toContain(secret);
    for (const piece of pieces(secret)) expect(output).not.toContain(piece);
  });
});
