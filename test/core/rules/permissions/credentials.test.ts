/**
 * Permission rules can hold credentials (`Bash(PGPASSWORD=... psql)`): the permissions/* rules never show
 * one in a message and never carry one in a fix.
 */

import { lintBytes } from '../../../../src/core/lint/lint-text';

const TOKEN = 'Xk9vR2mQ8tLp4WzN7bYc';
const GITHUB = 'ghp_Rn8Yc1Hd5Ej6Ua0FsZx8Qk2mVt7Lw9PbR4nY';

const FILE = JSON.stringify(
  {
    permissions: {
      allow: [`Bash(PGPASSWORD=${TOKEN} psql -h db:*)`, `Bash(curl -H "Authorization: Bearer ${GITHUB}" https://api.github.com:*)`, 'Bash(npm run test:*)'],
      deny: [`Bash(PGPASSWORD=${TOKEN} psql -h db:*)`, `Bassh(${GITHUB})`],
    },
  },
  null,
  2,
);

const diagnostics = lintBytes('/repo/.claude/settings.json', Buffer.from(FILE), { kind: 'settings', scope: 'project' }, { strict: false, severities: new Map() })
  .diagnostics.filter((d) => d.ruleId.startsWith('permissions/'));

test('every rule holding a credential is still reported', () => {
  expect(diagnostics.map((d) => d.ruleId).sort()).toEqual([
    'permissions/conflict',
    'permissions/legacy-prefix',
    'permissions/legacy-prefix',
    'permissions/legacy-prefix',
    'permissions/legacy-prefix',
    'permissions/unknown-tool',
  ]);
});

test('no message shows a credential, not even a 12-character piece of it', () => {
  for (const secret of [TOKEN, GITHUB]) {
    const pieces = Array.from({ length: secret.length - 11 }, (_, i) => secret.slice(i, i + 12));
    for (const d of diagnostics) for (const p of pieces) expect(d.message).not.toContain(p);
  }
});

test('a fix never rewrites a rule holding a credential', () => {
  const fixed = diagnostics.filter((d) => d.fix);
  expect(fixed.map((d) => d.pointer)).toEqual(['/permissions/allow/2']);
  for (const d of fixed) expect(d.fix!.text).not.toContain(TOKEN);
});
