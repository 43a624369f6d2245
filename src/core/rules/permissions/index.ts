import type { Rule } from '../rule';
import { broadAllow } from './broad-allow';
import { bypassMode } from './bypass-mode';
import { conflict } from './conflict';
import { duplicate } from './duplicate';
import { invalidSpecifier } from './invalid-specifier';
import { legacyPrefix } from './legacy-prefix';
import { neverApplied } from './never-applied';
import { shadowed } from './shadowed';
import { unknownTool } from './unknown-tool';

/** The permissions/* rules, in the order they run. */
export const permissionsRules: readonly Rule[] = [
  unknownTool,
  invalidSpecifier,
  legacyPrefix,
  broadAllow,
  bypassMode,
  conflict,
  shadowed,
  neverApplied,
  duplicate,
];
