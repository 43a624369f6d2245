/**
 * One mistake, one diagnostic: where an env/* or deprecated/* rule explains a key better than the schema
 * rules do, the schema's report of it is dropped; with that rule turned off, the schema's report is back.
 * (Kept beside the secrets tests: they are the rules of the same change.)
 */

import { lintBytes } from '../../../../src/core/lint/lint-text';
import type { Severity } from '../../../../src/core/diagnostic';

const FILE = JSON.stringify(
  {
    mcpServers: { github: { command: 'npx' } },
    allowedTools: ['Read'],
    permissionMode: 'plan',
    _comment: 'team defaults',
    permissions: { ignorePatterns: ['secrets/**'], allow: [] },
    env: { 'bad-name': 'x', MAX_THINKING_TOKENS: 8000 },
  },
  null,
  2,
);

const EXPECTED: Array<[string, string, string]> = [
  ['/mcpServers', 'deprecated/misplaced-key', 'schema/unknown-key'],
  ['/allowedTools', 'deprecated/misplaced-key', 'schema/unknown-key'],
  ['/permissionMode', 'deprecated/misplaced-key', 'schema/unknown-key'],
  ['/_comment', 'deprecated/comment-key', 'schema/unknown-key'],
  ['/permissions/ignorePatterns', 'deprecated/removed-key', 'schema/unknown-property'],
  ['/env/bad-name', 'env/invalid-name', 'schema/invalid-value'],
  ['/env/MAX_THINKING_TOKENS', 'env/non-string-value', 'schema/invalid-type'],
];

function lint(severities: Map<string, Severity | 'off'> = new Map()) {
  return lintBytes('/repo/.claude/settings.json', Buffer.from(FILE), { kind: 'settings', scope: 'project' }, { strict: false, severities }).diagnostics;
}

describe.each(EXPECTED)('%s', (pointer, rule, schemaRule) => {
  it(`is reported once, by ${rule}`, () => {
    expect(lint().filter((d) => d.pointer === pointer).map((d) => d.ruleId)).toEqual([rule]);
  });
  it(`is reported by ${schemaRule} when ${rule} is off`, () => {
    const ids = lint(new Map([[rule, 'off']])).filter((d) => d.pointer === pointer).map((d) => d.ruleId);
    expect(ids).toContain(schemaRule);
    expect(ids).not.toContain(rule);
  });
});
