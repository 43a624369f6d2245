// Our annotation keywords (schemas/README.md). Ajv learns them as annotations, so strict mode still catches typos.
export const ANNOTATION_KEYWORDS = [
  'x-scope',
  'x-scope-note',
  'x-trust',
  'x-merge',
  'x-strictness',
  'x-deprecated',
  'x-since',
  'x-pattern-hint',
  'x-enum-deprecated',
  'x-locked-by',
  'x-key-noun',
];
