/**
 * Lints one settings file given its bytes: decode, parse strictly, then run every enabled rule.
 * Pure apart from what rules themselves look up; reading files is the caller's business.
 */

import type { Diagnostic, FileResult, Severity, TextEdit } from '../diagnostic';
import { applyEdits } from '../fix/apply';
import type { FileRole } from '../scope';
import { decode, keyNodeAtPointer, LineIndex, nodeAtPointer, parseJson, type JsonNode, type SourceProblem } from '../source';
import { schemaIssues, type SchemaIssue } from '../schema/issues';
import { RULES, SOURCE_RULES } from '../rules/registry';
import type { LintFile, LintOptions, Report, RuleContext } from '../rules/rule';
import type { RuleSeverities } from './severity';

export interface LintSettings extends LintOptions {
  severities: RuleSeverities;
}

export function lintBytes(file: string, bytes: Uint8Array, role: FileRole, settings: LintSettings): FileResult {
  const decoded = decode(bytes);
  // A BOM becomes a space so every offset after it still matches the file on disk; `source` keeps the
  // BOM, so fixes (the BOM fix included) apply to the real text.
  const hasBom = decoded.problems.some((p) => p.kind === 'bom');
  const text = hasBom ? ' ' + decoded.text : decoded.text;
  const source = hasBom ? '\uFEFF' + decoded.text : decoded.text;
  const diagnostics: Diagnostic[] = [];
  const sink = new DiagnosticSink(file, text, settings.severities, diagnostics);
  for (const p of decoded.problems) {
    switch (p.kind) {
      case 'empty':
      case 'whitespace':
        sink.source({ ruleId: 'file/empty', message: `The file is ${p.kind === 'empty' ? 'empty' : 'only whitespace'}; Claude Code cannot parse it. Write {} for a file with no settings.`, start: 0, end: 0 });
        break;
      case 'binary':
        sink.bytes('json/encoding', `This is binary data, not JSON text (a NUL byte at byte ${p.offset}).`);
        break;
      case 'invalid-utf8':
        sink.bytes('json/encoding', `The file is not valid UTF-8 (bad byte at byte ${p.offset}); Claude Code reads settings as UTF-8 text.`);
        break;
      case 'bom':
        sink.source({ ruleId: 'json/bom', message: 'The file starts with a byte-order mark (BOM), which makes JSON.parse reject it. Save it as UTF-8 without BOM.', start: 0, end: 0, fix: { range: [0, 1], text: '' } });
        break;
    }
  }
  const blocking = decoded.problems.some((p) => p.kind !== 'bom');
  if (blocking) return { file, source: decoded.text || undefined, diagnostics: sorted(diagnostics) };

  const parsed = parseJson(text);
  for (const p of parsed.problems) sink.source(p);
  if (!parsed.tree || parsed.value === undefined) return { file, source, diagnostics: sorted(diagnostics) };
  if (parsed.tree.type !== 'object') {
    sink.source({
      ruleId: 'json/not-object',
      message: `A settings file must be a JSON object ({ ... }), not ${parsed.tree.type === 'null' ? 'null' : `${parsed.tree.type === 'array' ? 'an' : 'a'} ${parsed.tree.type}`}.`,
      start: parsed.tree.offset,
      end: parsed.tree.offset + parsed.tree.length,
    });
    return { file, source, diagnostics: sorted(diagnostics) };
  }
  const lintFile: LintFile = { path: file, role, text, tree: parsed.tree, value: parsed.value };
  runRules(lintFile, settings, sink);
  return { file, source, diagnostics: sorted(sink.withoutReplaced()) };
}

/** Problems that mean the text is not JSON Claude Code can read. */
const UNPARSED = new Set(['json/syntax', 'json/comment', 'json/trailing-comma', 'json/bom', 'json/too-deep', 'json/encoding', 'file/empty']);

/** At most this many lint-and-fix passes; a fix that keeps producing fixes is a bug, not a reason to hang. */
const MAX_FIX_PASSES = 10;

/**
 * Lints, applies every fix that does not overlap another, and lints again until nothing is left to fix.
 * The diagnostics describe the fixed text; `output` is set when it differs from the file (`source`).
 */
export function lintBytesFixing(file: string, bytes: Uint8Array, role: FileRole, settings: LintSettings): FileResult {
  let result = lintBytes(file, bytes, role, settings);
  const original = result.source;
  let text = original;
  for (let pass = 0; pass < MAX_FIX_PASSES && text !== undefined; pass++) {
    const edits = result.diagnostics.flatMap((d) => (d.fix ? [d.fix] : []));
    if (edits.length === 0) break;
    const next = applyEdits(text, edits);
    if (next.applied === 0 || next.text === text) break;
    text = next.text;
    result = lintBytes(file, Buffer.from(text, 'utf8'), role, settings);
  }
  if (text === original || text === undefined) return result;
  // A file that still does not parse after fixing is left exactly as it was: fixing only part of it would
  // hide the real problem under a changed file.
  if (result.diagnostics.some((d) => UNPARSED.has(d.ruleId))) return lintBytes(file, bytes, role, settings);
  // `source` stays the file as it is on disk, so a caller can diff it against `output`.
  return { ...result, source: original, output: text };
}

function runRules(file: LintFile, settings: LintSettings, sink: DiagnosticSink): void {
  let issues: SchemaIssue[] | undefined;
  for (const rule of RULES) {
    if (rule.meta.kinds && !rule.meta.kinds.includes(file.role.kind)) continue;
    const configured = settings.severities.get(rule.id);
    if (configured === 'off') continue;
    const ctx: RuleContext = {
      file,
      options: settings,
      schemaIssues: () => (issues ??= schemaIssues(file.role.kind === 'tier-file' ? 'tierFile' : 'settings', file.value)),
      report: (r: Report) => sink.rule(rule.id, configured ?? r.severity ?? rule.meta.severity, file.tree, r),
    };
    rule.check(ctx);
  }
}

/** Turns offsets and pointers into positioned diagnostics, applying configured severities. */
class DiagnosticSink {
  private lines?: LineIndex;

  constructor(
    private readonly file: string,
    private readonly text: string,
    private readonly severities: RuleSeverities,
    private readonly out: Diagnostic[],
  ) {}

  source(p: SourceProblem): void {
    const configured = this.severities.get(p.ruleId);
    if (configured === 'off') return;
    this.push(p.ruleId, configured ?? SOURCE_RULES[p.ruleId]?.severity ?? 'error', p.message, p.start, p.end, '', p.fix);
  }

  /** Problems in the raw bytes: there is no text to point into, so they sit at the start of the file. */
  bytes(ruleId: string, message: string): void {
    const configured = this.severities.get(ruleId);
    if (configured === 'off') return;
    this.out.push({ ruleId, severity: configured ?? 'error', message, file: this.file, line: 1, column: 1, endLine: 1, endColumn: 1, pointer: '' });
  }

  /** [pointer, rule ids] pairs from reports that replace other rules' diagnostics. */
  private readonly replaced: Array<[string, ReadonlySet<string>]> = [];

  rule(ruleId: string, severity: Severity, tree: JsonNode, r: Report): void {
    if (r.replaces?.length) this.replaced.push([r.pointer, new Set(r.replaces)]);
    const node = r.at === 'key' ? keyNodeAtPointer(tree, r.pointer) : nodeAtPointer(tree, r.pointer).node;
    this.push(ruleId, severity, r.message, node.offset, node.offset + node.length, r.pointer, r.fix);
  }

  withoutReplaced(): Diagnostic[] {
    if (this.replaced.length === 0) return this.out;
    return this.out.filter(
      (d) => !this.replaced.some(([p, ids]) => ids.has(d.ruleId) && (d.pointer === p || d.pointer.startsWith(p + '/'))),
    );
  }

  private push(ruleId: string, severity: Severity, message: string, start: number, end: number, pointer: string, fix?: TextEdit): void {
    this.lines ??= new LineIndex(this.text);
    const a = this.lines.position(start);
    const b = this.lines.position(Math.max(start, end));
    const d: Diagnostic = { ruleId, severity, message, file: this.file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column, pointer };
    if (fix) d.fix = fix;
    this.out.push(d);
  }
}

function sorted(ds: Diagnostic[]): Diagnostic[] {
  return ds.sort((a, b) => a.line - b.line || a.column - b.column);
}
