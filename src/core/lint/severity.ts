/** Rule severities as a team writes them in config ("off" | "warn" | "error" | 0 | 1 | 2). */

import type { Severity } from '../diagnostic';

export type SeveritySetting = 'off' | 'warn' | 'error' | 0 | 1 | 2;
export type RuleSeverities = ReadonlyMap<string, Severity | 'off'>;

export function normalizeSeverities(settings: Readonly<Record<string, SeveritySetting>> | undefined): RuleSeverities {
  const out = new Map<string, Severity | 'off'>();
  for (const [id, s] of Object.entries(settings ?? {})) {
    out.set(id, s === 'off' || s === 0 ? 'off' : s === 'warn' || s === 1 ? 'warning' : 'error');
  }
  return out;
}
