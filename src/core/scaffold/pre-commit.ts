/**
 * Adding the cctier hook to whatever runs a repository's pre-commit checks: the pre-commit framework
 * (.pre-commit-config.yaml, created when nothing else is there), lint-staged (package.json or a JSON
 * .lintstagedrc) or husky (.husky/pre-commit). Existing files keep their bytes: the hook is spliced in as
 * text, and the YAML result is checked by parsing it back (falling back to the yaml Document API, which
 * keeps comments, when a splice cannot be proven right).
 */

import type { Document, YAMLMap, YAMLSeq } from 'yaml';
import { setValue } from '../fix/edits';
import { applyEdits } from '../fix/apply';
import { parseJson, pointerFrom } from '../source';
import { canonical } from './json-merge';
import type { PreCommitTemplates } from './templates';

export const PRE_COMMIT_CONFIG = '.pre-commit-config.yaml';
export const PACKAGE_JSON = 'package.json';
/** lint-staged configs cctier can edit safely (JSON); the others are code or YAML we leave to people. */
export const LINT_STAGED_JSON = ['.lintstagedrc', '.lintstagedrc.json'];
export const LINT_STAGED_OTHER = ['.lintstagedrc.yaml', '.lintstagedrc.yml', '.lintstagedrc.js', '.lintstagedrc.cjs', '.lintstagedrc.mjs', 'lint-staged.config.js', 'lint-staged.config.cjs', 'lint-staged.config.mjs'];

export type HookSystem = 'pre-commit' | 'lint-staged' | 'husky';

export interface HookChange {
  system: HookSystem;
  path: string;
  /** The file's text after the change (the same as before when the hook is already there). */
  after: string;
  changes: string[];
  notes: string[];
}

export type HookPlan = { ok: true; change: HookChange } | { ok: false; path: string; message: string };

export interface HookInputs {
  /** Current texts by path; absent: no such file. */
  existing: Readonly<Record<string, string>>;
  huskyDir: boolean;
  version: string;
}

function yaml(): typeof import('yaml') {
  // yaml is only loaded when init touches a YAML file.
  return require('yaml') as typeof import('yaml');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function hookEntry(t: PreCommitTemplates, version: string): Record<string, unknown> {
  const hook = JSON.parse(JSON.stringify(t.preCommitFramework.hook).replace(/\{version\}/g, version)) as Record<string, unknown>;
  return { repo: t.preCommitFramework.repo, hooks: [hook] };
}

/** The entry as a YAML node: the `files` pattern single-quoted (backslashes stay literal), short lists inline. */
function entryNode(doc: Document, entry: Record<string, unknown>): YAMLMap {
  const Y = yaml();
  const node = doc.createNode(entry) as YAMLMap;
  const hooks = node.get('hooks', true) as unknown as YAMLSeq;
  for (const hook of hooks.items as YAMLMap[]) {
    const files = hook.get('files', true);
    if (Y.isScalar(files)) files.type = 'QUOTE_SINGLE';
    const types = hook.get('types', true);
    if (Y.isSeq(types)) types.flow = true;
  }
  return node;
}

function mentionsCctier(value: unknown): boolean {
  return JSON.stringify(value ?? null).includes('cctier');
}

function preCommitFramework(current: string | undefined, t: PreCommitTemplates, version: string): HookPlan {
  const Y = yaml();
  const entry = hookEntry(t, version);
  const changes = [`add the cctier hook (repo: local, cctier@${version} from npm)`];
  const notes = ['Run `pre-commit install` once per clone so the hook runs on each commit.'];
  if (current === undefined || current.trim() === '') {
    const doc = new Y.Document({ repos: [] });
    (doc.get('repos', true) as YAMLSeq).add(entryNode(doc, entry));
    doc.commentBefore = ' ' + t.preCommitFramework.newFileHeader.replace(/^#\s?/, '');
    return { ok: true, change: { system: 'pre-commit', path: PRE_COMMIT_CONFIG, after: doc.toString({ lineWidth: 0, flowCollectionPadding: false }), changes, notes } };
  }
  const doc = Y.parseDocument(current);
  if (doc.errors.length > 0) return { ok: false, path: PRE_COMMIT_CONFIG, message: `it is not valid YAML (${doc.errors[0]!.message.split('\n')[0]}); fix it, then run init again` };
  const value = doc.toJS() as unknown;
  if (!isObject(value)) return { ok: false, path: PRE_COMMIT_CONFIG, message: 'it is not a mapping with a `repos` list; fix it, then run init again' };
  const repos = value.repos;
  if (repos !== undefined && !Array.isArray(repos)) return { ok: false, path: PRE_COMMIT_CONFIG, message: '`repos` is not a list; fix it, then run init again' };
  const already = (repos ?? []).some((r) => isObject(r) && Array.isArray(r.hooks) && r.hooks.some((h) => isObject(h) && (h.id === t.preCommitFramework.hook.id || mentionsCctier(h.entry))));
  if (already) return { ok: true, change: { system: 'pre-commit', path: PRE_COMMIT_CONFIG, after: current, changes: [], notes: [] } };
  const expected = canonical({ ...value, repos: [...(repos ?? []), entry] });
  const spliced = spliceIntoRepos(current, doc, entry);
  if (spliced !== undefined && canonical(Y.parse(spliced)) === expected) {
    return { ok: true, change: { system: 'pre-commit', path: PRE_COMMIT_CONFIG, after: spliced, changes, notes } };
  }
  const seq = doc.get('repos', true);
  if (Y.isSeq(seq)) seq.add(entryNode(doc, entry));
  else doc.set('repos', doc.createNode([entry]));
  return { ok: true, change: { system: 'pre-commit', path: PRE_COMMIT_CONFIG, after: doc.toString({ lineWidth: 0, flowCollectionPadding: false }), changes, notes } };
}

/** Appends the entry as text after the last item of a block `repos:` list, indented like its items. */
function spliceIntoRepos(text: string, doc: Document, entry: Record<string, unknown>): string | undefined {
  const Y = yaml();
  const seq = doc.get('repos', true);
  if (!Y.isSeq(seq) || seq.flow || seq.items.length === 0 || !seq.range) return undefined;
  const firstItem = seq.items[0] as { range?: [number, number, number] };
  if (!firstItem.range) return undefined;
  const lineStart = text.lastIndexOf('\n', firstItem.range[0] - 1) + 1;
  const dash = /^([ ]*)-[ ]+/.exec(text.slice(lineStart, firstItem.range[0]));
  if (!dash) return undefined;
  const indent = dash[1]!;
  // After the last item's value; comments after it stay where they are, below the new entry.
  const end = seq.range[1];
  const lineEnd = text.indexOf('\n', end - 1);
  const at = lineEnd === -1 ? text.length : lineEnd + 1;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  // Whether the file indents a list under its key (`hooks:` then `  - id:`), as yaml's indentSeq.
  const nested = /\n([ ]*)hooks:[ ]*\r?\n([ ]*)-/.exec(text);
  const indentSeq = nested ? nested[2]!.length > nested[1]!.length : indent.length > 0;
  const item = new Y.Document([]);
  (item.contents as YAMLSeq).add(entryNode(item, entry));
  const rendered = item
    .toString({ lineWidth: 0, indentSeq, flowCollectionPadding: false })
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => indent + l)
    .join(eol);
  const before = text.slice(0, at);
  return before + (before.endsWith('\n') ? '' : eol) + rendered + eol + text.slice(at);
}

function lintStagedJson(path: string, current: string, pointerBase: readonly string[], t: PreCommitTemplates): HookPlan {
  const parsed = parseJson(current);
  if (!parsed.tree || parsed.problems.length > 0 || !isObject(parsed.value)) {
    return { ok: false, path, message: 'it is not strict JSON; fix it, then run init again' };
  }
  let config: unknown = parsed.value;
  for (const seg of pointerBase) config = isObject(config) ? config[seg] : undefined;
  if (config !== undefined && !isObject(config)) return { ok: false, path, message: 'its lint-staged config is not an object of glob -> command; add `cctier lint` for settings files by hand' };
  if (config !== undefined && Object.values(config).some(mentionsCctier)) {
    return { ok: true, change: { system: 'lint-staged', path, after: current, changes: [], notes: [] } };
  }
  const edit = setValue({ text: current, tree: parsed.tree }, pointerFrom([...pointerBase, t.lintStaged.glob]), t.lintStaged.command);
  const after = edit ? applyEdits(current, [edit]).text : current;
  return {
    ok: true,
    change: {
      system: 'lint-staged',
      path,
      after,
      changes: [`run \`${t.lintStaged.command}\` on staged Claude Code settings files (lint-staged)`],
      notes: ['lint-staged runs the cctier installed in the project: `npm install --save-dev cctier`.'],
    },
  };
}

function husky(current: string | undefined, t: PreCommitTemplates): HookPlan {
  const text = current ?? '';
  if (text.includes('cctier')) return { ok: true, change: { system: 'husky', path: t.husky.file, after: text, changes: [], notes: [] } };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const after = text + (text !== '' && !text.endsWith('\n') ? eol : '') + t.husky.line + eol;
  return {
    ok: true,
    change: {
      system: 'husky',
      path: t.husky.file,
      after,
      changes: [`run \`${t.husky.line}\` before each commit (husky)`],
      notes: ['The husky hook runs the cctier installed in the project: `npm install --save-dev cctier`.'],
    },
  };
}

/** The file to change and how: the pre-commit framework first, then lint-staged, then husky, else a new .pre-commit-config.yaml. */
export function planHook(inputs: HookInputs, t: PreCommitTemplates): HookPlan {
  const { existing } = inputs;
  if (existing[PRE_COMMIT_CONFIG] !== undefined) return preCommitFramework(existing[PRE_COMMIT_CONFIG], t, inputs.version);
  const pkg = existing[PACKAGE_JSON];
  if (pkg !== undefined) {
    const parsed = parseJson(pkg);
    if (isObject(parsed.value) && Object.prototype.hasOwnProperty.call(parsed.value, 'lint-staged')) return lintStagedJson(PACKAGE_JSON, pkg, ['lint-staged'], t);
  }
  for (const name of LINT_STAGED_JSON) {
    const text = existing[name];
    if (text !== undefined) return lintStagedJson(name, text, [], t);
  }
  const other = LINT_STAGED_OTHER.find((name) => existing[name] !== undefined);
  if (other) return { ok: false, path: other, message: `lint-staged is configured here, in a format init does not edit; add "${t.lintStaged.glob}": "${t.lintStaged.command}" to it by hand, or drop --pre-commit` };
  if (inputs.huskyDir) return husky(existing[t.husky.file], t);
  return preCommitFramework(undefined, t, inputs.version);
}

/** Every path planHook may read. */
export function hookPaths(t: PreCommitTemplates): string[] {
  return [PRE_COMMIT_CONFIG, PACKAGE_JSON, ...LINT_STAGED_JSON, ...LINT_STAGED_OTHER, t.husky.file];
}
