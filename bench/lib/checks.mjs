// Shared warm-up checks and target verdicts for the benchmark modules.

/** cctier lint finished its job: exit 0 or 1 (2 means it could not lint, and its timing means nothing). */
export function lintExitOk(o) {
  if (o.status === 0 || o.status === 1) return undefined;
  return `exit ${o.status}: ${o.stderr.trim().split('\n')[0]?.slice(0, 200) ?? ''}`;
}

/** PASS when the row's median is at most `max` times the baseline's. */
export function ratioTarget(row, label, max) {
  if (!row || row.ratioToBaseline === undefined) return { label, status: 'SKIP', detail: row?.problem ?? 'not measured' };
  const r = row.ratioToBaseline;
  return { label, status: r <= max ? 'PASS' : 'FAIL', detail: `${r.toFixed(2)}x` };
}

/** PASS when the row's median is under `maxMs`. */
export function timeTarget(row, label, maxMs, detail = '') {
  if (!row || row.medianMs === undefined) return { label, status: 'SKIP', detail: row?.problem ?? 'not measured' };
  const s = (row.medianMs / 1000).toFixed(2);
  return { label, status: row.medianMs < maxMs ? 'PASS' : 'FAIL', detail: `${s} s${detail}` };
}
