/**
 * A small character diff for showing where two versions of a cell differ. Cells are short and
 * copies differ in a few places, so: strip the common prefix and suffix, then an LCS table over
 * what is left (bounded; beyond the bound the middle is one change). Written here rather than
 * taken from a library because the rules need only these hunks, classified by what changed.
 */

/** A changed stretch: a[aStart, aEnd) became b[bStart, bEnd). */
export interface Hunk {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** Above this many LCS cells the middle is reported as one change (keeps the diff fast on huge cells). */
const MAX_CELLS = 1_000_000;

export function diffChars(a: string, b: string): Hunk[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  if (n === 0 && m === 0) return [];
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > MAX_CELLS)
    return [{ aStart: start, aEnd: endA, bStart: start, bEnd: endB }];

  // lcs[i][j]: LCS length of a[start+i …endA) and b[start+j …endB), row-major.
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[start + i] === b[start + j]
          ? lcs[(i + 1) * width + j + 1] + 1
          : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  const hunks: Hunk[] = [];
  let open: Hunk | null = null;
  let i = 0;
  let j = 0;
  const close = () => {
    if (open) hunks.push({ ...open, aEnd: start + i, bEnd: start + j });
    open = null;
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[start + i] === b[start + j]) {
      close();
      i++;
      j++;
      continue;
    }
    open ??= { aStart: start + i, aEnd: 0, bStart: start + j, bEnd: 0 };
    if (j >= m || (i < n && lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])) i++;
    else j++;
  }
  close();
  return hunks;
}
