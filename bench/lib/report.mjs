// Turns measured samples into rows (medians and ratios) and prints them as a compact table.

import { median, relativeIqr } from './measure.mjs';

/** Rows by case id: medians, and ratios taken between medians of the same interleaved rounds. */
export function summarize(cases, state) {
  const rows = new Map();
  for (const c of cases) {
    const { samples, problem } = state.get(c.id);
    rows.set(c.id, {
      id: c.id,
      label: c.label,
      command: c.command ? c.command.join(' ') : undefined,
      baseline: Boolean(c.baseline),
      peer: Boolean(c.peer),
      n: samples.length,
      samplesMs: samples.map((x) => Math.round(x * 100) / 100),
      medianMs: median(samples),
      relativeIqr: relativeIqr(samples),
      files: c.files,
      problem,
    });
  }
  const base = cases.find((c) => c.baseline);
  for (const c of cases) {
    const row = rows.get(c.id);
    if (row.medianMs === undefined) continue;
    const baseRow = base && rows.get(base.id);
    if (baseRow?.medianMs && !c.baseline && !c.run) {
      row.ratioToBaseline = row.medianMs / baseRow.medianMs;
      row.pairedRatioToBaseline = pairedRatio(state.get(c.id).samples, state.get(base.id).samples);
    }
    const peerRow = c.peerOf && rows.get(c.peerOf);
    if (peerRow?.medianMs) {
      row.ratioToPeer = row.medianMs / peerRow.medianMs;
      row.pairedRatioToPeer = pairedRatio(state.get(c.id).samples, state.get(c.peerOf).samples);
      row.peerLabel = peerRow.label;
    }
    if (c.files) row.filesPerSec = c.files / (row.medianMs / 1000);
  }
  return rows;
}

/**
 * Median of the per-round ratios. Sample i of every case comes from round i, run back to back, so this
 * cancels load that drifts between rounds; kept in the JSON next to the ratio of medians as a cross-check.
 */
function pairedRatio(a, b) {
  const n = Math.min(a.length, b.length);
  const ratios = [];
  for (let i = 0; i < n; i++) ratios.push(a[i] / b[i]);
  return median(ratios);
}

const COLUMNS = [
  { head: 'case', get: (r) => r.label, align: 'left' },
  { head: 'n', get: (r) => String(r.n) },
  { head: 'median ms', get: (r) => fixed(r.medianMs, 1) },
  { head: '±iqr', get: (r) => (r.relativeIqr === undefined ? '' : `${Math.round(r.relativeIqr * 100)}%`) },
  { head: 'x node -e 0', get: (r) => (r.baseline ? '1.00' : fixed(r.ratioToBaseline, 2)) },
  { head: 'x peer', get: (r) => fixed(r.ratioToPeer, 2) },
  { head: 'files/s', get: (r) => (r.filesPerSec === undefined ? '' : Math.round(r.filesPerSec).toLocaleString('en')) },
];

function fixed(x, digits) {
  return x === undefined ? '' : x.toFixed(digits);
}

/** One table for all groups, so the columns line up; each group under its own heading. */
export function formatTable(groups) {
  const cells = groups.map((g) => [...g.rows.values()].map((r) => COLUMNS.map((col) => (r.problem ? '' : col.get(r)))));
  const widths = COLUMNS.map((col, i) => Math.max(col.head.length, ...cells.flat().map((row) => row[i].length)));
  const line = (values) =>
    values.map((v, i) => (COLUMNS[i].align === 'left' ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ').trimEnd();
  const out = [line(COLUMNS.map((c) => c.head))];
  groups.forEach((g, gi) => {
    out.push('', g.title);
    [...g.rows.values()].forEach((r, ri) => {
      out.push(line(cells[gi][ri]));
      if (r.problem) out.push(`  ^ not timed: ${r.problem}`);
    });
    for (const note of g.notes) out.push(`  - ${note}`);
  });
  return out.join('\n');
}

/** "x peer" as a reader says it: how many times faster cctier was on the same work. */
export function formatPeerSummary(groups) {
  const lines = [];
  for (const g of groups) {
    for (const r of g.rows.values()) {
      if (r.ratioToPeer === undefined) continue;
      const times = 1 / r.ratioToPeer;
      const verdict = times >= 1 ? `${times.toFixed(1)}x faster than` : `${r.ratioToPeer.toFixed(1)}x slower than`;
      lines.push(`  ${r.label}: ${verdict} ${r.peerLabel}`);
    }
  }
  return lines.join('\n');
}

export function formatTargets(targets) {
  return 'targets: ' + targets.map((t) => `${t.label}: ${t.status} (${t.detail})`).join(' | ');
}
