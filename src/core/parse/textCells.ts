/**
 * Tokenises a Word table extracted to text. In these documents every cell starts with a TAB at
 * the start of a line; a cell may run over several lines; a line that begins with spaces and a
 * TAB starts a row whose 序号 was lost (Word auto-numbering does not survive copying).
 */
export interface TextCell {
  text: string;
  /** 1-based line where the cell starts. */
  line: number;
  /** A blank line stood between this cell and the one before it. */
  afterBlank: boolean;
  /** The cell was introduced by " \t": it starts a row without a 序号. */
  lostSeq: boolean;
}

export interface TextBlock {
  /** The last plain-text line before the table (its printed title), if any. */
  title: string;
  titleLine: number;
  cells: TextCell[];
  /** A closing note (注：…) printed right under the table. */
  note: string | null;
  /** 1-based line of the block's last cell line. */
  endLine: number;
}

const CELL_START = /^( *)\t/;
const ATTACHMENT_LABEL = /^附件\s*[0-9０-９]+\s*$/;
const NOTE_START = /^注[：:]/;
/** After a blank line, a line in brackets still belongs to the cell above (区委宣传部 / （区文明办）). */
const BRACKETED_CONTINUATION = /^[（(]/;

export function splitLines(text: string): string[] {
  return text.replace(/^\ufeff/, "").split(/\r\n|\n|\r/);
}

/**
 * @param isHeaderCell tells a table's first header cell (序号 …) from a data cell, so that a
 *   paragraph after a blank line is read as the next table's title rather than as more text of
 *   the cell above (cells with numbered paragraphs — 1．… blank line 2．… — are common).
 */
export function readTextBlocks(
  lines: readonly string[],
  isHeaderCell: (text: string) => boolean
): TextBlock[] {
  const blocks: TextBlock[] = [];
  let block: TextBlock | null = null;
  let blank = false;
  let title = { text: "", line: 0 };
  let noteFor: TextBlock | null = null;

  const close = () => {
    if (!block) return;
    blocks.push(block);
    noteFor = block;
    block = null;
  };

  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const start = CELL_START.exec(raw);
    if (start) {
      if (!block) {
        block = {
          title: title.text,
          titleLine: title.line,
          cells: [],
          note: null,
          endLine: lineNo,
        };
        noteFor = null;
      }
      block.cells.push({
        text: raw.slice(start[0].length),
        line: lineNo,
        afterBlank: blank,
        lostSeq: start[1].length > 0,
      });
      block.endLine = lineNo;
      blank = false;
      return;
    }
    const trimmed = raw.trim();
    if (trimmed === "") {
      blank = true;
      return;
    }
    const last = block?.cells[block.cells.length - 1];
    if (
      block &&
      last &&
      (!blank ||
        BRACKETED_CONTINUATION.test(trimmed) ||
        paragraphContinues(lines, index, isHeaderCell))
    ) {
      last.text += "\n" + raw;
      block.endLine = lineNo;
      blank = false;
      return;
    }
    close();
    if (noteFor && noteFor.note === null && NOTE_START.test(trimmed)) {
      noteFor.note = trimmed;
    } else if (noteFor && noteFor.note !== null && !blank) {
      noteFor.note += trimmed;
    } else {
      noteFor = null;
      if (!ATTACHMENT_LABEL.test(trimmed)) title = { text: trimmed, line: lineNo };
    }
    blank = false;
  });
  close();
  return blocks;
}

/**
 * A plain paragraph after a blank line inside a table continues the cell above when the table
 * goes on after it: more cells follow, and nothing in between is an attachment label, a note or
 * the header of a new table.
 */
function paragraphContinues(
  lines: readonly string[],
  from: number,
  isHeaderCell: (text: string) => boolean
): boolean {
  for (let i = from; i < lines.length; i++) {
    const start = CELL_START.exec(lines[i]);
    if (start) return !isHeaderCell(lines[i].slice(start[0].length));
    const trimmed = lines[i].trim();
    if (ATTACHMENT_LABEL.test(trimmed) || NOTE_START.test(trimmed)) return false;
  }
  return false;
}
