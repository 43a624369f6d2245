/**
 * Tables worked out from the schema shape, computed once at build time (scripts/derive-tables.mjs writes
 * generated/derived.json) so a run does not walk the schema at start-up. Without the file (the build that
 * makes it), callers compute the tables themselves.
 */

export interface DerivedTables {
  scopeTree?: unknown;
  legacyValuePaths?: unknown;
}

let derived: DerivedTables | undefined;

export function derivedTables(): DerivedTables {
  if (!derived) {
    try {
      derived = require('../../../generated/derived.json') as DerivedTables;
    } catch {
      derived = {};
    }
  }
  return derived;
}
