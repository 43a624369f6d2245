import { computeLegacyValuePaths } from '../../src/core/rules/deprecated/schema-notes';
import { computeScopeTree, serializeScopeTree } from '../../src/core/rules/scopes/scope-table';
import { derivedTables } from '../../src/core/schema/derived';

test('generated/derived.json holds exactly what the rules would compute from the schema (npm run build)', () => {
  const derived = derivedTables();
  expect(derived.scopeTree).toEqual(serializeScopeTree(computeScopeTree()));
  expect(derived.legacyValuePaths).toEqual(JSON.parse(JSON.stringify(computeLegacyValuePaths())));
});
