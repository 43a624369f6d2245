/**
 * The SchemaStore conformance set (../shared/conformance/schemastore): every valid/ file lints without an
 * error, and every invalid/ file gets at least one error for the reason its name gives. Checked in-process
 * through lintBytes (with pointers), then once more through the built CLI (exit codes and the JSON format).
 */

import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from '../src/core/diagnostic';
import { lintBytes } from '../src/core/lint/lint-text';
import { roleFromPath } from '../src/core/scope';

const REPO = path.resolve(__dirname, '..');
const SET = path.resolve(__dirname, '../../shared/conformance/schemastore');

interface Reason {
  ruleId: string;
  /** The error sits at this pointer or inside it. */
  pointer: string;
  messageIncludes?: string;
}

const reason = (ruleId: string, pointer: string, messageIncludes?: string): Reason => ({ ruleId, pointer, messageIncludes });

/**
 * What each invalid file was made to show, read from its name and content. Every reason listed must be
 * reported as an error; other errors may come too.
 */
const REASONS: Readonly<Record<string, readonly Reason[]>> = {
  'additional-properties-hook.json': [
    reason('schema/unknown-property', '/hooks/PreToolUse/0/extraField'),
    reason('schema/unknown-property', '/hooks/PreToolUse/0/hooks/0/unknownProperty'),
  ],
  'invalid-blocked-marketplace-git-url.json': [reason('schema/invalid-value', '/blockedMarketplaces/0/url', '.git')],
  'invalid-enum-values.json': [
    reason('schema/invalid-value', '/permissions/defaultMode'),
    reason('schema/invalid-value', '/effortLevel'),
    reason('schema/invalid-value', '/autoUpdatesChannel'),
    reason('schema/invalid-value', '/env/CLAUDE_CODE_EFFORT_LEVEL'),
    reason('schema/invalid-value', '/env/OTEL_EXPORTER_OTLP_PROTOCOL'),
    reason('schema/invalid-value', '/sandbox/credentials/envVars/0/mode'),
    reason('schema/invalid-value', '/sandbox/credentials/files/0/mode'),
    reason('schema/invalid-value', '/skillOverrides/test-skill'),
    reason('schema/invalid-value', '/spinnerVerbs/mode'),
    reason('schema/invalid-value', '/theme'),
    reason('schema/invalid-value', '/voice/mode'),
    reason('schema/invalid-value', '/worktree/baseRef'),
    reason('schema/invalid-value', '/worktree/bgIsolation'),
  ],
  'invalid-env-variable-name.json': [
    reason('env/invalid-name', '/env/HAS SPACES', 'not a valid env variable name'),
    reason('env/invalid-name', '/env/has-dashes'),
    reason('env/invalid-name', '/env/lowercase'),
    reason('env/invalid-name', '/env/123STARTS_WITH_NUMBER'),
  ],
  'invalid-hook-shell.json': [reason('schema/invalid-value', '/hooks/PreToolUse/0/hooks/0/shell', '"fish"')],
  'invalid-hook-type.json': [reason('schema/invalid-value', '/hooks/PreToolUse/0/hooks/0/type', '"script"')],
  'invalid-inline-marketplace-plugin-source.json': [
    reason('schema/invalid-value', '/extraKnownMarketplaces/team-tools/source/plugins/0/source'),
  ],
  'invalid-inline-marketplace-source.json': [
    reason('schema/missing-key', '/extraKnownMarketplaces/team-tools/source', '"plugins"'),
  ],
  'invalid-managed-settings.json': [
    reason('schema/invalid-type', '/allowManagedMcpServersOnly'),
    reason('schema/missing-key', '/blockedMarketplaces/0', '"repo"'),
    reason('schema/invalid-type', '/sandbox/network/allowManagedDomainsOnly'),
  ],
  'invalid-marketplace-host-pattern.json': [
    reason('schema/invalid-value', '/extraKnownMarketplaces/corp-bad-git/source/url', '.git'),
  ],
  // Only the allow entry: deny entries also take claude.ai connector display names ("claude.ai Slack"),
  // so our schema deliberately accepts the dotted name in deniedMcpServers.
  'invalid-mcp-server-name.json': [reason('schema/invalid-value', '/allowedMcpServers/0/serverName')],
  // "InvalidTool" and "AnotherInvalidTool" are well-formed rules naming unknown tools: not a schema matter.
  'invalid-permission-rule.json': [
    reason('schema/invalid-value', '/permissions/allow/1'),
    reason('schema/invalid-value', '/permissions/allow/2'),
    reason('schema/invalid-value', '/permissions/allow/3'),
    reason('schema/invalid-value', '/permissions/allow/4'),
    reason('schema/invalid-value', '/permissions/ask/1'),
    reason('schema/invalid-value', '/permissions/ask/2'),
    reason('schema/invalid-value', '/permissions/ask/3'),
    reason('schema/invalid-value', '/permissions/ask/4'),
  ],
  'invalid-timeout-value.json': [reason('schema/invalid-value', '/hooks/PreToolUse/0/hooks/0/timeout', 'greater than 0')],
  'invalid-tls-terminate-property.json': [
    reason('schema/unknown-property', '/sandbox/network/tlsTerminate/caChainPath', '"caChainPath"'),
  ],
  'invalid-vim-insert-mode-remap.json': [reason('schema/invalid-value', '/vimInsertModeRemaps/jjj', '"jjj"')],
  'missing-required-hook-fields.json': [
    reason('schema/missing-key', '/hooks/PostToolUse/0/hooks/0', '"command"'),
    reason('schema/missing-key', '/hooks/PostToolUse/0/hooks/1', '"server"'),
  ],
  'wrong-property-types.json': [
    '/cleanupPeriodDays',
    '/enableAllProjectMcpServers',
    '/fastMode',
    '/hooks/PreToolUse/0/hooks/0/async',
    '/includeCoAuthoredBy',
    '/permissions/additionalDirectories',
    '/permissions/allow',
    '/permissions/ask',
    '/sandbox/network/allowAllUnixSockets',
    '/sandbox/network/allowedDomains',
    '/sandbox/network/deniedDomains',
    '/strictKnownMarketplaces/0/hostPattern',
  ].map((p) => reason('schema/invalid-type', p)),
};

const list = (dir: string): string[] =>
  fs
    .readdirSync(path.join(SET, dir))
    .filter((f) => f.endsWith('.json'))
    .sort();
const VALID = list('valid');
const INVALID = list('invalid');

function lint(dir: string, name: string, strict = false): Diagnostic[] {
  const file = path.join(SET, dir, name);
  // As `cctier lint <file>` sees them: SchemaStore's fixtures are not named like a project's files, so they are
  // linted as user settings (a personal copy or a --settings file).
  return lintBytes(file, fs.readFileSync(file), roleFromPath(file), { strict, severities: new Map() }).diagnostics;
}

const errors = (ds: readonly Diagnostic[]): Diagnostic[] => ds.filter((d) => d.severity === 'error');
const within = (pointer: string, prefix: string): boolean => pointer === prefix || pointer.startsWith(prefix + '/');
const summary = (ds: readonly Diagnostic[]): string[] => ds.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.pointer} ${d.message}`);

test('the conformance set is complete: 21 valid and 17 invalid files, a reason for each invalid one', () => {
  expect(VALID).toHaveLength(21);
  expect(INVALID).toHaveLength(17);
  expect(Object.keys(REASONS).sort()).toEqual(INVALID);
});

describe('valid/: no error-severity diagnostic', () => {
  test.each(VALID)('%s', (name) => {
    expect(summary(errors(lint('valid', name)))).toEqual([]);
  });
});

describe('valid/: still no error under --strict (every top-level key is one our schema knows)', () => {
  test.each(VALID)('%s', (name) => {
    expect(summary(errors(lint('valid', name, true)))).toEqual([]);
  });
});

describe('invalid/: errors for the reason the file name gives', () => {
  test.each(INVALID)('%s', (name) => {
    const found = errors(lint('invalid', name));
    expect(found.length).toBeGreaterThan(0);
    for (const r of REASONS[name]!) {
      const hit = found.find((d) => d.ruleId === r.ruleId && within(d.pointer, r.pointer));
      if (!hit) throw new Error(`${name}: expected ${r.ruleId} at ${r.pointer}; got:\n${summary(found).join('\n')}`);
      if (r.messageIncludes) expect(hit.message).toContain(r.messageIncludes);
      // Readable messages only: no Ajv wording, no regex.
      expect(hit.message).not.toMatch(/must NOT|must match pattern|\^\(|\$\//);
    }
    // Every file is well-formed JSON: the errors are about values, never about parsing.
    expect(summary(found.filter((d) => /^(json|file)\//.test(d.ruleId)))).toEqual([]);
  });
});

describe('invalid/: the same errors with and without --strict', () => {
  test.each(INVALID)('%s', (name) => {
    expect(summary(errors(lint('invalid', name, true)))).toEqual(summary(errors(lint('invalid', name, false))));
  });
});

describe('the built CLI on the conformance set', () => {
  const BIN = path.join(REPO, 'bin', 'cctier.js');

  beforeAll(() => {
    if (!fs.existsSync(path.join(REPO, 'dist', 'cli', 'cctier.js'))) {
      execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'ignore' });
    }
  }, 180_000);

  interface JsonResult {
    filePath: string;
    errorCount: number;
    messages: Array<{ ruleId: string; severity: 1 | 2; line: number; column: number }>;
  }

  function run(dir: string, names: readonly string[]): { status: number | null; results: JsonResult[]; stderr: string } {
    const files = names.map((n) => path.join(SET, dir, n));
    const r = spawnSync(process.execPath, [BIN, 'lint', '--no-config', '--format', 'json', ...files], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: 30_000,
    });
    return { status: r.status, results: r.stdout ? (JSON.parse(r.stdout) as JsonResult[]) : [], stderr: r.stderr };
  }

  test('valid/: exit 0, one clean result per file', () => {
    const { status, results, stderr } = run('valid', VALID);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(status).toBe(0);
    expect(results.map((r) => path.basename(r.filePath)).sort()).toEqual(VALID);
    expect(results.filter((r) => r.errorCount > 0).map((r) => path.basename(r.filePath))).toEqual([]);
  });

  test('invalid/: exit 1, every file with an error of the rule its reason names', () => {
    const { status, results, stderr } = run('invalid', INVALID);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(status).toBe(1);
    expect(results.map((r) => path.basename(r.filePath)).sort()).toEqual(INVALID);
    for (const r of results) {
      const name = path.basename(r.filePath);
      expect(r.errorCount).toBeGreaterThan(0);
      const ruleIds = new Set(r.messages.filter((m) => m.severity === 2).map((m) => m.ruleId));
      for (const want of REASONS[name]!) expect([name, ruleIds.has(want.ruleId)]).toEqual([name, true]);
    }
  });
});
