/** The table of limited-scope keys, built from the schema's x-scope annotations. */

import { scopeTree, type ScopeTree } from '../../../../src/core/rules/scopes/scope-table';

function at(...path: string[]): ScopeTree | undefined {
  let t: ScopeTree | undefined = scopeTree();
  for (const seg of path) t = seg === '*' ? t?.any : t?.children.get(seg);
  return t;
}

test('top-level and nested keys carry their scope', () => {
  expect(at('allowManagedHooksOnly')?.scope).toBe('managed');
  expect(at('autoMode')?.scope).toBe('user-managed');
  expect(at('skipDangerousModePermissionPrompt')?.scope).toBe('not-project');
  expect(at('sandbox', 'bwrapPath')?.scope).toBe('managed');
  expect(at('sandbox', 'network', 'allowManagedDomainsOnly')?.scope).toBe('managed');
  expect(at('sandbox', 'credentials', 'files', '*', 'extract')?.scope).toBe('user-managed');
});

test('keys that work everywhere, env variables and keys no settings file can set are not in it', () => {
  expect(at('model')).toBeUndefined();
  expect(at('permissions')).toBeUndefined();
  expect(at('env')).toBeUndefined();
  expect(at('autoConnectIde')).toBeUndefined();
  expect(at('teammateDefaultModel')).toBeUndefined();
});
