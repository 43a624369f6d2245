/** How messages name a policy rule's origin: "org policy acme-org (policy.yaml:12)". */

import * as path from 'node:path';
import type { PolicySource } from './model';

/** A file as a message shows it: relative to `base` when inside it or up to two folders above, else its own name. */
export function shortPath(file: string, base?: string): string {
  if (base) {
    const rel = path.relative(base, file);
    if (rel && !path.isAbsolute(rel) && !rel.startsWith(['..', '..', '..'].join(path.sep))) return rel.split(path.sep).join('/');
  }
  return path.basename(file);
}

/** "policy.yaml:12". */
export function sourceLabel(source: PolicySource, base?: string): string {
  return `${shortPath(source.file, base)}:${source.line}`;
}

/** "the org policy acme-org (node_modules/@acme/cctier-policy/policy.yaml:12)"; a policy named by its file alone: "the org policy (policy.yaml:12)". */
export function citeSource(source: PolicySource, base?: string): string {
  const named = source.policy !== path.basename(source.file) ? ` ${source.policy}` : '';
  return `the ${source.layer} policy${named} (${sourceLabel(source, base)})`;
}
