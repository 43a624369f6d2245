import type { FileResult } from '../core/diagnostic';
import type { RuleMeta } from '../core/rules/rule';

export interface FormatContext {
  /** Paths are shown relative to this directory. */
  cwd: string;
  /** Colour output (stylish only); the CLI decides from the TTY, NO_COLOR and FORCE_COLOR. */
  color: boolean;
  /** cctier's own version, for SARIF's tool.driver. */
  version: string;
  /** Metadata of every rule that produced a diagnostic (and of the rest, for SARIF's rule table). */
  rules: ReadonlyMap<string, RuleMeta>;
}

/** A formatter is pure: results in, text out. */
export type Formatter = (results: readonly FileResult[], context: FormatContext) => string;
