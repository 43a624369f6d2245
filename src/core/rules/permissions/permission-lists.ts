/**
 * The `permissions` object of one parsed file, with every rule string parsed once and shared by all the
 * permissions/* rules (they run one after another on the same file).
 */

import { looksSecret, redact } from '../../text/preview';
import type { LintFile } from '../rule';
import { parsePermissionRule, type PermissionRule, type RuleListName } from './rule-grammar';

export const RULE_LISTS: readonly RuleListName[] = ['allow', 'ask', 'deny'];

export interface ListedRule {
  list: RuleListName;
  index: number;
  pointer: string;
  rule: PermissionRule;
}

export interface PermissionsView {
  /** The `permissions` object, when the file has one. */
  object?: Readonly<Record<string, unknown>>;
  /** Every string rule of allow, ask and deny, in file order per list. */
  rules: readonly ListedRule[];
  byList: Readonly<Record<RuleListName, readonly ListedRule[]>>;
}

const EMPTY: PermissionsView = { rules: [], byList: { allow: [], ask: [], deny: [] } };
const cache = new WeakMap<object, PermissionsView>();

export function own(obj: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function permissionsView(file: LintFile): PermissionsView {
  const root = file.value;
  if (!isPlainObject(root)) return EMPTY;
  const cached = cache.get(root);
  if (cached) return cached;
  const object = own(root, 'permissions');
  let view = EMPTY;
  if (isPlainObject(object)) {
    const byList: Record<RuleListName, ListedRule[]> = { allow: [], ask: [], deny: [] };
    for (const list of RULE_LISTS) {
      const entries = own(object, list);
      if (!Array.isArray(entries)) continue;
      const out = byList[list];
      for (let index = 0; index < entries.length; index++) {
        const text: unknown = entries[index];
        // The list names and indices need no escaping in a pointer.
        if (typeof text === 'string') out.push({ list, index, pointer: `/permissions/${list}/${index}`, rule: parsePermissionRule(text, list) });
      }
    }
    view = { object, rules: [...byList.allow, ...byList.ask, ...byList.deny], byList };
  }
  cache.set(root, view);
  return view;
}

const WORD = /[^\s=:'"()]+/g;
/** No credential is this short; most rules have no word this long, and skip the search. */
const LONG_WORD = /[^\s=:'"()]{12}/;
/** Labels already made: the same rules recur across a tree of projects, and the credential check is not free. */
const labels = new Map<string, string>();

/**
 * How a rule shows in a message: quoted, shortened, and with any word that looks like a credential
 * (`Bash(curl -H "Authorization: Bearer ghp_…")`) redacted; when the credential is found only in the whole
 * text (`PGPASSWORD=...`), the specifier is not shown at all.
 */
export function ruleLabel(text: string): string {
  let label = labels.get(text);
  if (label !== undefined) return label;
  let safe = LONG_WORD.test(text) ? text.replace(WORD, (w) => (w.length >= 12 && looksSecret(w) ? redact(w) : w)) : text;
  if (safe === text && holdsCredential(text)) safe = text.includes('(') ? `${text.slice(0, text.indexOf('('))}(…)` : '…';
  label = JSON.stringify(safe.length > 100 ? safe.slice(0, 97) + '…' : safe);
  if (labels.size >= 4096) labels.clear();
  labels.set(text, label);
  return label;
}

/** Whether a rule's text holds something that could be a credential; fixes never rewrite such a rule. */
export function holdsCredential(text: string): boolean {
  return looksSecret(text) || (LONG_WORD.test(text) && text.split(WORD_SPLIT).some((w) => w.length >= 12 && looksSecret(w)));
}

const WORD_SPLIT = /[\s=:'"()]+/;
