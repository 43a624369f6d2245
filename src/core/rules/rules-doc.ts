/** docs/rules.md, generated from the registry so the list of rules can never drift from the code. */

import type { RuleMeta } from './rule';

export function renderRulesDoc(rules: ReadonlyMap<string, RuleMeta>): string {
  const groups = new Map<string, Array<[string, RuleMeta]>>();
  for (const [id, meta] of [...rules].sort(([a], [b]) => a.localeCompare(b))) {
    const group = id.split('/')[0]!;
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group)!.push([id, meta]);
  }
  const out = [
    '# Rules',
    '',
    'Generated from the rule registry by `npm run docs`; do not edit. Severities are defaults: change them',
    'per rule in cctier config (`rules`). "fix" marks rules whose problems `cctier lint --fix` repairs.',
    '',
  ];
  for (const [group, list] of groups) {
    out.push(`## ${group}`, '', '| rule | default | fix | what it finds |', '|---|---|---|---|');
    for (const [id, meta] of list) {
      out.push(`| \`${id}\` | ${meta.severity} | ${meta.fixable ? 'yes' : ''} | ${meta.description.replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
