/**
 * Each structural hook mistake gives one diagnostic: the hooks/* rule that explains it replaces the
 * schema's unknown-property, missing-key and invalid-type reports for the same place.
 */

import { lintBytes } from '../../../../src/core/lint/lint-text';

const SETTINGS = { strict: false, severities: new Map() };
const project = { kind: 'settings', scope: 'project' } as const;

function lint(value: unknown): Array<{ ruleId: string; pointer: string }> {
  return lintBytes('settings.json', Buffer.from(JSON.stringify(value, null, 2)), project, SETTINGS).diagnostics.map(({ ruleId, pointer }) => ({ ruleId, pointer }));
}

test('a flat {matcher, command} group', () => {
  expect(lint({ hooks: { PreToolUse: [{ matcher: 'Bash', command: './x.sh', timeout: 5, description: 'x' }] } })).toEqual([
    { ruleId: 'hooks/handler-on-group', pointer: '/hooks/PreToolUse/0' },
  ]);
});

test('a handler field beside a proper hooks array', () => {
  expect(lint({ hooks: { Stop: [{ hooks: [{ type: 'command', command: 'say hi' }], timeout: 5 }] } })).toEqual([
    { ruleId: 'hooks/handler-on-group', pointer: '/hooks/Stop/0/timeout' },
  ]);
});

test('a list of {event, command} entries', () => {
  expect(lint({ hooks: [{ event: 'Stop', command: 'say hi' }] })).toEqual([{ ruleId: 'hooks/handler-on-group', pointer: '/hooks' }]);
});

test('other schema problems inside a group with a hooks array are still reported', () => {
  const found = lint({ hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: 'x', blocking: true }], timeout: 5 }] } });
  expect(found).toEqual(
    expect.arrayContaining([
      { ruleId: 'hooks/handler-on-group', pointer: '/hooks/PreToolUse/0/timeout' },
      { ruleId: 'schema/unknown-property', pointer: '/hooks/PreToolUse/0/hooks/0/blocking' },
    ]),
  );
  expect(found).toHaveLength(2);
});
