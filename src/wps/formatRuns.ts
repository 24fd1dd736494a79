import type { Rect } from "../core/patch/schema";

/**
 * The number formats of a block of cells as few rectangles as the block allows: ET sets one
 * NumberFormat per Range, so formats go as runs down each column, and neighbouring columns with
 * the same runs share one rectangle. A generated sheet's column keeps one format down its rows,
 * so the calls follow the columns, not the rows.
 *
 * `null` is a cell whose format does not matter (an empty cell of a new sheet): it joins the run
 * above it, or below it at the top of a column. A column of such cells gets no rectangle.
 */
export interface FormatRect {
  rect: Rect;
  format: string;
}

interface Run {
  start: number;
  end: number;
  format: string;
}

function columnRuns(formats: ReadonlyArray<ReadonlyArray<string | null>>, col: number): Run[] {
  const runs: Run[] = [];
  let pending = 0;
  formats.forEach((row, r) => {
    const format = row[col];
    const last = runs[runs.length - 1];
    if (format === null) {
      if (last) last.end = r;
      else pending++;
      return;
    }
    if (last && last.format === format) last.end = r;
    else runs.push({ start: runs.length === 0 ? r - pending : r, end: r, format });
  });
  return runs;
}

export function formatRects(
  formats: ReadonlyArray<ReadonlyArray<string | null>>,
  origin: { row: number; col: number }
): FormatRect[] {
  const cols = formats[0]?.length ?? 0;
  const out: FormatRect[] = [];
  let group: { from: number; runs: Run[]; key: string } | null = null;
  const flush = (to: number) => {
    if (!group) return;
    for (const run of group.runs) {
      out.push({
        rect: {
          row: origin.row + run.start,
          col: origin.col + group.from,
          rowCount: run.end - run.start + 1,
          colCount: to - group.from,
        },
        format: run.format,
      });
    }
    group = null;
  };
  for (let c = 0; c < cols; c++) {
    const runs = columnRuns(formats, c);
    const key = JSON.stringify(runs);
    if (group && group.key === key) continue;
    flush(c);
    group = { from: c, runs, key };
  }
  flush(cols);
  return out;
}
